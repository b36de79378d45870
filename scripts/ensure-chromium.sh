#!/bin/sh
# Run by test/viewer.test.ts before it opens the trace viewer in a browser:
# makes sure Debian's chromium is installed (the browser test drives it with
# playwright-core; playwright's own browser download cannot work here, the
# machine reaches only the npm and Debian registries). Installs it as root
# with apt-get where it is missing. Prints one line and exits 0 when a browser
# is there (the line is its path), 3 with the reason when none can be had.
# Costs a `test -x` when chromium is present.
# CHROMIUM may name another binary.
bin=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
if [ -n "$CHROMIUM" ]; then echo "CHROMIUM=$CHROMIUM is not an executable file" >&2; exit 3; fi
if [ "$(id -u)" != 0 ]; then echo "no $bin and not root: install Debian's chromium (apt-get install chromium) to run the browser test" >&2; exit 3; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "no $bin and no apt-get to install it with" >&2; exit 3; fi
echo "ensure-chromium: installing Debian's chromium with apt-get (once; a few minutes)" >&2
export DEBIAN_FRONTEND=noninteractive
install() { timeout 900 apt-get install -y -qq chromium >/dev/null 2>&1; }
# refresh the package lists only if the install fails without them
install || { timeout 600 apt-get update -qq >/dev/null 2>&1 && install; }
if [ -x "$bin" ]; then echo "$bin"; exit 0; fi
echo "apt-get install chromium failed (no $bin afterwards)" >&2
exit 3
