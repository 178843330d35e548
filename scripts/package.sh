#!/usr/bin/env bash
# Builds the Azure Functions (Flex Consumption, custom handler) package:
#   <out>/functionapp/                  host.json, <Function>/function.json, app/ (self-contained linux-x64 publish)
#   <out>/aiworkflows-functionapp.zip   the same folder zipped with Unix permissions kept
# <out> is the first argument, default dist/. azd runs this as the prepackage hook and deploys
# dist/functionapp (azure.yaml). Needs only the .NET SDK (and NuGet for the linux-x64 runtime packs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)"
# Build output stays out of the source tree's bin/obj, so packaging never races a developer's build.
work="${PACKAGE_WORK_DIR:-$root/artifacts/package}"
package="$out/functionapp"
zip="$out/aiworkflows-functionapp.zip"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rm -rf "$package" "$zip"
mkdir -p "$package"

echo "Publishing the app (Release, linux-x64, self-contained, ReadyToRun)..."
# ReadyToRun: the app's and its packages' code is compiled ahead of time, so a cold start (a new
# Flex Consumption instance) does not JIT-compile everything first (benchmark 5 in bench/).
dotnet publish "$root/src/AIWorkflows.App/AIWorkflows.App.csproj" \
  -c Release -r linux-x64 --self-contained true -p:UseAppHost=true -p:PublishReadyToRun=true \
  --artifacts-path "$work" -o "$package/app" -nologo -v quiet -clp:ErrorsOnly --disable-build-servers

cp "$root/host.json" "$package/host.json"
# Settings come from the function app's configuration, never from a file in the package.
find "$package" -name local.settings.json -delete
chmod 755 "$package/app/AIWorkflows.App"

echo "Writing function.json files from the app's timers and zipping..."
dotnet run --disable-build-servers --file "$root/scripts/package-functions.cs" -- "$package" "$zip"
echo "Deployable folder: $package"
