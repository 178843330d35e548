# Sourced by ./run and ./test: installs what a fresh machine lacks, from the lock files only.
ensure_node_tools() {
  if [ ! -x node_modules/.bin/azurite ]; then
    echo "Installing the storage emulator (Azurite) from package-lock.json..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# The browser tests drive Debian's Chromium (Playwright never downloads a browser). Installed once,
# quietly, when /usr/bin/chromium is missing; fonts-liberation gives pages metric-compatible fonts.
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'apt-get install chromium' as root." >&2
    return 1
  fi
  echo "Installing Chromium for the browser tests (apt-get, first time only)..."
  local log
  log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
