#!/usr/bin/env bash
# Writes the THIRD-PARTY notices of what the app-image bundles, from the build's own outputs:
#   packaging/notices.sh LIST PLUGIN_JAR JDK OUT JAR...
# LIST: app/target/THIRD-PARTY.txt (license-maven-plugin add-third-party: every runtime library, version,
# licence, from the POMs). The licence texts come from the same plugin's bundled licence store (PLUGIN_JAR),
# the JDK's legal folder (OpenJDK's GPLv2 with the Classpath Exception, JavaFX's licence too), and every
# LICENSE/NOTICE file the bundled jars carry themselves. No network: licence URLs are not fetched.
set -euo pipefail
list=$1 plugin=$2 jdk=$3 out=$4
shift 4

# The plugin's file for each licence name the pom's licenseMerges give; MPL-2.0 (H2's other licence) has none.
plugin_text() {
  case $1 in
    Apache-2.0) echo apache_v2/license.txt ;;
    EPL-1.0) echo epl_only_v1/license.txt ;;
    EPL-2.0) echo epl_only_v2/license.txt ;;
    LGPL-2.1-only) echo lgpl_v2_1/license.txt ;;
    MIT) echo mit/license.txt.ftl ;;
  esac
}

licences=$(grep -o '^ *(\([^)]*\))\( ([^)]*)\)*' "$list" | grep -o '([^)]*)' | tr -d '()' | sort -u)
{
  echo "Outband bundles the libraries below; Outband itself is under the Apache License 2.0 (LICENSE)."
  echo "The Java runtime in the runtime folder is OpenJDK, under GPL-2.0-with-classpath-exception;"
  echo "its licences and third-party notices are in the runtime's legal folder."
  echo "A library listed with two licences is offered under either; Outband uses H2 under EPL-1.0."
  cat "$list"
  echo
  echo "=============================================================================="
  echo "Licence texts"
  echo "=============================================================================="
  while IFS= read -r licence; do
    echo
    echo "------------------------------------------------------------------------------"
    echo "$licence"
    echo "------------------------------------------------------------------------------"
    case $licence in
      GPL-2.0-with-classpath-exception) cat "$jdk/legal/java.base/LICENSE" ;;
      MPL-2.0) echo "(H2 is also offered under EPL-1.0, whose text is above; Outband uses it under EPL-1.0.)" ;;
      "Bouncy Castle Licence") echo "(The text is in the Bouncy Castle jars' META-INF/LICENSE.md, below.)" ;;
      MIT)
        echo "(Each MIT library's own copyright line is on its project page or in its jar's files below.)"
        unzip -p "$plugin" "META-INF/licenses/$(plugin_text MIT)" | grep -v '^Copyright (c) \${' ;;
      *)
        file=$(plugin_text "$licence")
        [ -n "$file" ] || { echo "notices: no licence text for '$licence' (packaging/notices.sh)" >&2; exit 1; }
        unzip -p "$plugin" "META-INF/licenses/$file" ;;
    esac
  done <<<"$licences"
  echo
  echo "=============================================================================="
  echo "Licence and notice files inside the bundled jars"
  echo "=============================================================================="
  for jar in "$@"; do
    entries=$(unzip -Z1 "$jar" | grep -iE '^META-INF/(LICEN[CS]E|NOTICE)[^/]*$' || true)
    [ -n "$entries" ] || continue
    while IFS= read -r entry; do
      echo
      echo "------------------------------------------------------------------------------"
      echo "$(basename "$jar"): $entry"
      echo "------------------------------------------------------------------------------"
      unzip -p "$jar" "$entry"
    done <<<"$entries"
  done
} >"$out"
