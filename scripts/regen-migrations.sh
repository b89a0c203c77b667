#!/usr/bin/env bash
# Regenerates the single Initial migration of both providers from the current model.
# Used only before the first release; after that, add migrations with `dotnet ef migrations add NAME`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef --version 10.0.15
exec 9>/tmp/zhifa-migrations.lock
flock 9
for p in Sqlite Postgres; do
  rm -rf "src/Zhifa.Migrations.$p/Migrations"
  dotnet ef migrations add Initial --project "src/Zhifa.Migrations.$p" --startup-project "src/Zhifa.Migrations.$p" >/dev/null
done
echo "migrations regenerated"
