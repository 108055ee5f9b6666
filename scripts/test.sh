#!/usr/bin/env bash
# Runs the default test suite (the slow end-to-end category is opt-in) and prints "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

# The tests load libtorch: stop at once, in one line, where it cannot load (this changes nothing on the machine).
bash scripts/install-prerequisites.sh --check || exit 1

results=$(mktemp -d)
dotnet test ImdbSentiment.Tests/ImdbSentiment.Tests.csproj -c Release \
  --filter "TestCategory!=EndToEnd" --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(value passed); failed=$(value failed); total=$(value total); executed=$(value executed)
  echo "tests: $passed passed, $failed failed, $((total - executed)) skipped"
fi
rm -rf "$results"
exit $status
