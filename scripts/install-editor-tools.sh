#!/usr/bin/env bash
# Installs what the real-editor tests need into a cache folder outside the repository:
# Debian chromium (Playwright drives it), neovim (second LSP client), Node 24 and code-server 4.139.1
# (the real VS Code workbench and extension host), playwright-core. Reused when already present.
set -euo pipefail
TOOLS="${REGTEXT_TOOLS:-$HOME/.cache/regtext-tools}"
CODE_SERVER_VERSION=4.139.1
mkdir -p "$TOOLS"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)  # CJK glyphs in screenshots
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)  # the TMX export checked against the TMX 1.4b DTD
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-editor-tools: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$TOOLS/node24/node_modules/.bin/node" ]; then
  echo "install-editor-tools: node@24"
  npm i --no-audit --no-fund --silent --prefix "$TOOLS/node24" node@24
fi

if [ ! -x "$TOOLS/cs/node_modules/.bin/code-server" ] || \
   ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$TOOLS/cs/node_modules/code-server/package.json" 2>/dev/null; then
  echo "install-editor-tools: code-server@$CODE_SERVER_VERSION (a few minutes)"
  PATH="$TOOLS/node24/node_modules/.bin:$PATH" npm i --no-audit --no-fund --silent --prefix "$TOOLS/cs" "code-server@$CODE_SERVER_VERSION"
fi

if [ ! -d "$TOOLS/pw/node_modules/playwright-core" ]; then
  echo "install-editor-tools: playwright-core"
  npm i --no-audit --no-fund --silent --prefix "$TOOLS/pw" playwright-core@1
fi
echo "install-editor-tools: ready in $TOOLS"
