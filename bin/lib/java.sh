# Shared by bin/sextant and bin/bench: finds a JDK >= 21.
# Order: $JAVA_HOME, then `java` on PATH, then the newest JDK under /usr/lib/jvm.

java_major() {
  # Prints the major version of the java binary $1 (8 for "1.8.0_x").
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    *) echo "$v" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

find_java() {
  local candidates=() c best="" best_major=0 m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in "${candidates[@]}"; do
    if [ -x "$c" ] && m=$(java_major "$c") && [ "${m:-0}" -ge 21 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  for c in /usr/lib/jvm/*/bin/java; do
    [ -x "$c" ] || continue
    m=$(java_major "$c") || continue
    if [ "${m:-0}" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then
      best="$c"
      best_major="$m"
    fi
  done
  [ -n "$best" ] && echo "$best" && return 0
  echo "sextant: no JDK >= 21 found (tried \$JAVA_HOME, PATH, /usr/lib/jvm)" >&2
  return 1
}


# The JVM flags Agrona and Chronicle need (README, "JVM flags"; <sextant.jvm.flags> in pom.xml).
SEXTANT_JVM_FLAGS=(
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED
  -Dchronicle.analytics.disable=true
  -Dchronicle.announcer.disable=true
)
