package dev.outband.app.cli;

import dev.outband.app.transfer.TransferFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts csv | meshcommander (also json) for --format. */
final class FormatConverter implements ITypeConverter<TransferFormat> {
    @Override
    public TransferFormat convert(String value) {
        try {
            return TransferFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
