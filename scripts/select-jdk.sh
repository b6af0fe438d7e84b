# Sourced by .ci/run and bench/run.sh: make sure JAVA_HOME points at a JDK 21 or newer.
# The machine's default java may be older; any newer JDK under /usr/lib/jvm is used instead.
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v java >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
else
  best=""; best_major=0
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found (looked in /usr/lib/jvm, /opt); install one and set JAVA_HOME." >&2
    exit 1
  fi
  JAVA_HOME=$best
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java"))"
