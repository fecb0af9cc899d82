#!/usr/bin/env bash
# Builds Outband's app-image (own trimmed runtime + AOT cache) and this OS's installers with jpackage.
#   ./outband package        (finds JDK 25 and runs this script)
#   JAVA_HOME=<jdk25> packaging/package.sh
# Output in packaging/target/: image/ (the app-image) and installers/ (.deb/.rpm, .msi/.exe, .dmg/.pkg).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

jdk=${JAVA_HOME:?"set JAVA_HOME to a JDK 25 (./outband package does this)"}
# jlink copies this JDK's runtime into the image, and the AOT cache is tied to it: it must be 25+.
jdk_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)
if [ -z "$jdk_major" ] || [ "$jdk_major" -lt 25 ] ||
  { [ ! -e "$jdk/bin/jpackage" ] && [ ! -e "$jdk/bin/jpackage.exe" ]; }; then
  echo "package.sh: JAVA_HOME=$jdk is not a JDK 25 or newer with jpackage (./outband package finds one)" >&2
  exit 1
fi

name=Outband
# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=$(sed -n 's:^  <version>\([0-9.]*\).*</version>:\1:p' pom.xml | head -n1)
out=packaging/target
image_dir=$out/image
# jpackage's defaults minus --strip-native-commands: the AOT training run needs the image's own bin/java.
jlink_opts='--strip-debug --no-header-files --no-man-pages --compress=zip-6'
# JavaFX is linked into the runtime as named modules; its natives go where the JDK keeps its own.
fx_modules=javafx.controls

case "$(uname -s)" in
  Linux)
    os=linux exe='' sep=':' native_ext=so
    icon=icons/outband-256.png
    image_root=$image_dir/$name
    app_dir=$image_root/lib/app
    runtime_natives=$image_root/lib/runtime/lib
    runtime_java=$image_root/lib/runtime/bin/java
    types=()
    command -v dpkg-deb >/dev/null && types+=(deb)
    command -v rpmbuild >/dev/null && types+=(rpm)
    ;;
  Darwin)
    os=mac exe='' sep=':' native_ext=dylib
    icon=icons/outband.icns
    image_root=$image_dir/$name.app
    app_dir=$image_root/Contents/app
    runtime_natives=$image_root/Contents/runtime/Contents/Home/lib
    runtime_java=$image_root/Contents/runtime/Contents/Home/bin/java
    types=(dmg pkg)
    ;;
  MINGW* | MSYS* | CYGWIN*)
    os=windows exe=.exe sep=';' native_ext=dll
    icon=icons/outband.ico
    image_root=$image_dir/$name
    app_dir=$image_root/app
    runtime_natives=$image_root/runtime/bin
    runtime_java=$image_root/runtime/bin/java.exe
    types=(msi exe)
    ;;
  *) echo "package.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac

native_path() { if [ "$os" = windows ]; then cygpath -w "$1"; else echo "$1"; fi; }

echo "package: building the app jars" >&2
# Maven copies the runtime jars but never removes one a pom no longer names.
rm -rf app/target/lib app/target/javafx
./mvnw -B -q -DskipTests -pl app -am package >&2

rm -rf "$out"
mkdir -p "$out/input/lib" "$out/javafx" "$out/javafx-natives" "$out/installers"
cp app/target/outband-app.jar "$out/input/"
cp app/target/lib/*.jar "$out/input/lib/"
# JavaFX's modular jars (the platform-neutral ones are empty) without their native libraries, which
# are copied into the runtime once instead of also staying inside the jars.
for j in app/target/javafx/*.jar; do
  unzip -l "$j" module-info.class >/dev/null 2>&1 || continue
  unpacked=$out/javafx-unpacked/$(basename "$j" .jar)
  mkdir -p "$unpacked"
  unzip -q "$j" -d "$unpacked"
  find "$unpacked" -maxdepth 1 -name "*.$native_ext" -exec mv {} "$out/javafx-natives/" \;
  "$jdk/bin/jar$exe" --create --file "$out/javafx/$(basename "$j")" \
    --manifest "$unpacked/META-INF/MANIFEST.MF" -C "$unpacked" .
done

echo "package: listing the JDK modules the jars use (jdeps)" >&2
# jdk.unsupported: sun.misc.Unsafe, which libraries look up by reflection where jdeps cannot see it.
modules=$("$jdk/bin/jdeps$exe" --ignore-missing-deps --multi-release 25 --print-module-deps -q \
  --module-path "$out/javafx$sep$out/input/lib" --class-path "$out/input/lib/*" \
  "$out/input/outband-app.jar" "$out"/input/lib/*.jar),jdk.unsupported,$fx_modules
# Every security provider java.security names (SunPKCS11, XMLDSig, ...): when one is missing from the
# image, the first Security.getProviders() (OkHttp calls it) looks for it on the class path and
# instantiates BouncyCastle's provider from its signed jar - some 650 classes the AOT cache cannot
# hold, over a second of start-up on two cores.
providers=$("$jdk/bin/jlink$exe" --suggest-providers java.security.Provider | tr -d '\r' |
  sed -n 's/^ *\([^ ]*\) provides java\.security\.Provider .*/\1/p')
modules=$({ echo "$modules" | tr , '\n'; echo "$providers"; } | sort -u | paste -sd, -)
echo "package: modules $modules" >&2

common=(--name "$name" --app-version "$version" --vendor "Outband"
  --description "Desktop console for Intel AMT out-of-band management"
  --copyright "Outband contributors" --icon "$icon")

echo "package: jpackage app-image" >&2
"$jdk/bin/jpackage$exe" --type app-image "${common[@]}" --dest "$image_dir" \
  --input "$out/input" --main-jar outband-app.jar --main-class dev.outband.app.Main \
  --module-path "$(native_path "$out/javafx")" --add-modules "$modules" --jlink-options "$jlink_opts" \
  --java-options --enable-native-access=javafx.graphics,ALL-UNNAMED \
  --java-options -XX:+UseSerialGC \
  --java-options "-XX:AOTCache=\$APPDIR/outband.aot"

cp "$out"/javafx-natives/* "$runtime_natives/"
if [ "$os" = linux ]; then
  # Temurin's libjvm.so keeps a 5 MB symbol table (its debug info is already apart); jlink's
  # --strip-native-debug-symbols leaves it alone when it links from the JDK's runtime image (no jmods).
  strip --strip-unneeded "$runtime_natives"/*.so "$runtime_natives"/server/*.so
fi
# Beside the jars: every installer type packs the app folder whole.
cp LICENSE "$app_dir/LICENSE"
echo "package: THIRD-PARTY notices" >&2
packaging/notices.sh app/target/THIRD-PARTY.txt app/target/license-maven-plugin.jar "$jdk" "$app_dir/THIRD-PARTY" \
  "$out"/input/lib/*.jar app/target/javafx/*.jar

# AOT cache (JEP 483/514): a training run of the image's own JVM with the launcher's class path and
# options opens the main window once (--smoke); the JVM then writes the cache into the app folder,
# where the launcher's -XX:AOTCache=$APPDIR/outband.aot finds it.
echo "package: AOT training run (--smoke, ${SECONDS} s so far)" >&2
cfg=$app_dir/$name.cfg
app_native=$(native_path "$(cd "$app_dir" && pwd)")
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | tr -d '\r' | while IFS= read -r p; do
  echo "${app_native}${p#\$APPDIR}"; done | paste -sd "$sep" -)
java_opts=()  # a read loop, not mapfile: macOS ships bash 3.2
while IFS= read -r o; do java_opts+=("$o"); done \
  < <(sed -n 's/^java-options=//p' "$cfg" | tr -d '\r' | grep -v -- '-XX:AOTCache=')
display=()
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "package: the AOT training run needs a display or xvfb-run" >&2; exit 1; }
  display=(xvfb-run -a -s '-screen 0 1440x900x24')
fi
train_home=$(mktemp -d)
trap 'rm -rf "$train_home"' EXIT
# Devices in the training store, so the cache also covers loading and showing the device table.
# A build without `devices import` fails fast here (no display) and trains on an empty store.
train_csv=$out/training-devices.csv
{
  echo "name,host,user,password,tls,tags"
  for i in $(seq 1 200); do echo "amt-$i,127.0.1.$i,admin,P@ssw0rd-$i,true,lab"; done
} >"$train_csv"
if command -v timeout >/dev/null &&
  OUTBAND_HOME=$train_home env -u DISPLAY timeout 120 "$runtime_java" "${java_opts[@]}" \
    -cp "$classpath" dev.outband.app.Main devices import "$(native_path "$train_csv")" >"$out/aot-import.log" 2>&1; then
  echo "package: training store holds 200 devices" >&2
else
  echo "package: training on an empty store ('devices import' failed: $out/aot-import.log)" >&2
fi
if ! OUTBAND_HOME=$train_home ${display[@]+"${display[@]}"} "$runtime_java" "${java_opts[@]}" \
     -XX:AOTCacheOutput="$app_native/outband.aot" -cp "$classpath" dev.outband.app.Main --smoke \
     >"$out/aot-training.log" 2>&1 || [ ! -s "$app_dir/outband.aot" ]; then
  tail -n 30 "$out/aot-training.log" >&2
  echo "package: the AOT training run failed (log: $out/aot-training.log)" >&2
  exit 1
fi

# The desktop entry, its icons in the hicolor theme, the AppStream metainfo and /usr/bin/outband, as files
# of the .deb itself: dpkg tracks and removes them, and desktop-file-utils' and hicolor-icon-theme's
# triggers refresh the menus when those are installed. jpackage's own menu scripts (xdg-desktop-menu)
# fail on systems without /usr/share/desktop-directories and leave the package half-configured.
deb_desktop_files() {
  local deb=$1 root=$out/deb-root id=dev.outband.Outband s
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  (
    umask 022
    mkdir -p "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
      "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/outband"
    ln -s /opt/outband/bin/Outband "$root/usr/bin/outband"
    cp packaging/linux/$id.desktop "$root/usr/share/applications/"
    cp packaging/linux/$id.metainfo.xml "$root/usr/share/metainfo/"
    for s in 16 24 32 48 64 128 256 512; do
      mkdir -p "$root/usr/share/icons/hicolor/${s}x$s/apps"
      cp "icons/outband-$s.png" "$root/usr/share/icons/hicolor/${s}x$s/apps/$id.png"
    done
    cp icons/outband.svg "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"
    cp LICENSE "$root/usr/share/doc/outband/copyright"
    chmod -R u+rwX,go+rX,go-w "$root/usr"
  )
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -b "$root" "$deb" >/dev/null
  rm -rf "$root"
}

for type in "${types[@]}"; do
  echo "package: jpackage $type (${SECONDS} s so far)" >&2
  extra=()
  case $os in
    linux)
      res=$out/resources
      mkdir -p "$res"
      extra=(--resource-dir "$res" --linux-package-name outband --linux-app-category admin --license-file LICENSE)
      if [ "$type" = deb ]; then
        # Maintainer and description; Depends is what jpackage finds the image's libraries need (GTK 3 ...).
        # The menu entry, icons and /usr/bin/outband are added as plain package files (deb_desktop_files).
        cp packaging/linux/control "$res/control"
        extra+=(--linux-deb-maintainer outband@users.noreply.github.com)
      else
        # An .rpm keeps jpackage's menu entry (xdg-desktop-menu) and finds its dependencies itself.
        sed "s|^Icon=.*|Icon=/opt/outband/lib/$name.png|" packaging/linux/dev.outband.Outband.desktop >"$res/$name.desktop"
        cp "$icon" "$res/$name.png"
        extra+=(--linux-shortcut --linux-menu-group System)
      fi
      ;;
    mac) extra=(--mac-package-identifier dev.outband.console --mac-package-name "$name") ;;
    windows)
      extra=(--win-menu --win-menu-group "$name" --win-shortcut --win-dir-chooser
        --win-upgrade-uuid 6f1d0b3e-8a52-4c4e-9d63-0b7e2a4f5c11)
      ;;
  esac
  "$jdk/bin/jpackage$exe" --type "$type" "${common[@]}" --app-image "$image_root" \
    --dest "$out/installers" "${extra[@]}"
  rm -rf "$out/resources"
  if [ "$type" = deb ]; then deb_desktop_files "$out"/installers/outband_*.deb; fi
done

du -sh "$image_dir"/* "$out"/installers/* >&2
echo "package: done in ${SECONDS} s" >&2
