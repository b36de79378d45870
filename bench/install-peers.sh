#!/bin/sh
# Called by `npm run bench` before bench/run.ts: installs what the benchmark
# needs besides Node (SPIN, a C compiler for pan.c, GNU time for peak RSS)
# when it is missing and we are root on a system with apt-get (Debian). It
# never fails the bench: without them bench/run.ts runs only our engines.
missing() {
  m=""
  command -v spin >/dev/null 2>&1 || m="$m spin"
  command -v cc >/dev/null 2>&1 || m="$m cc"
  [ -x /usr/bin/time ] || m="$m /usr/bin/time"
  echo "$m"
}

m=$(missing)
[ -z "$m" ] && exit 0

why="not root, or no apt-get"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  pkgs="spin time"
  case "$m" in *" cc"*) pkgs="$pkgs gcc" ;; esac
  echo "bench: missing:$m; installing Debian packages: $pkgs"
  export DEBIAN_FRONTEND=noninteractive
  install() { timeout 600 apt-get install -y -qq --no-install-recommends $pkgs >/dev/null; }
  # Refresh the package lists only if the install fails without it.
  install || { timeout 600 apt-get update -qq >/dev/null && install; }
  m=$(missing)
  [ -z "$m" ] && exit 0
  why="apt-get install failed"
fi
case "$m" in
  *spin* | *cc*) then="running only our engines" ;;
  *) then="peak RSS is self-reported by our runs and not measured for SPIN" ;;
esac
echo "bench: missing:$m ($why; needs Debian packages spin time and a C compiler): $then"
exit 0
