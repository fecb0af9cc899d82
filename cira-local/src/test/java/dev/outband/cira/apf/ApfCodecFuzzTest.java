package dev.outband.cira.apf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mutated and random input never makes the codec throw anything but ApfProtocolException, nor hang. */
@Timeout(30)
class ApfCodecFuzzTest {
    private static final Logger log = LoggerFactory.getLogger(ApfCodecFuzzTest.class);
    private static final int ROUNDS = 3_000;
    private static final ApfLimits SMALL = new ApfLimits(4096 + 64, 256, 4096);

    static Stream<Long> seeds() {
        long[] random = LongStream.generate(() -> new Random().nextLong()).limit(3).toArray();
        for (long seed : random) {
            log.info("fuzzing the APF codec with seed {}", seed);
        }
        return Stream.concat(Stream.of(20261123L), LongStream.of(random).boxed());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedAndRandomInputOnlyEverRaisesProtocolErrors(long seed) {
        Random random = new Random(seed);
        byte[] valid = ApfCodecTest.encodeAll(ApfCodecTest.everyMessage());
        int protocolErrors = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = round % 2 == 0 ? mutate(valid, random) : randomBytes(random);
            try {
                feedInRandomChunks(new ApfCodec(SMALL), input, random);
            } catch (ApfProtocolException expected) {
                protocolErrors++;
            } catch (RuntimeException e) {
                fail("seed " + seed + " round " + round + " escaped with " + e, e);
            }
        }
        assertThat(protocolErrors).as("hostile input is noticed at least sometimes").isPositive();
    }

    private static void feedInRandomChunks(ApfCodec codec, byte[] input, Random random) throws ApfProtocolException {
        int offset = 0;
        while (offset < input.length) {
            int chunk = Math.min(input.length - offset, 1 + random.nextInt(64));
            codec.feed(input, offset, chunk);
            offset += chunk;
            ApfMessage message = codec.next();
            while (message != null) {
                assertThat(message.type()).isNotNull();
                message = codec.next();
            }
        }
        assertThat(codec.buffered()).isLessThanOrEqualTo(SMALL.maxMessageSize());
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(copy.length);
            switch (random.nextInt(3)) {
                case 0 -> copy[at] = (byte) random.nextInt(256);
                case 1 -> copy[at] = (byte) 0xFF;
                default -> copy[at] = 0;
            }
        }
        return random.nextBoolean() ? copy : Arrays.copyOf(copy, random.nextInt(copy.length));
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }
}
