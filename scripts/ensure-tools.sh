# Sourced by ./run and ./test: installs what a fresh machine lacks, from the lock files only.
ensure_node_tools() {
  if [ ! -x node_modules/.bin/azurite ]; then
    echo "Installing the storage emulator (Azurite) from package-lock.json..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}
