#!/usr/bin/env bash
# The one entry point for developers and CI.
#
#   ./build-aux/dev.sh run    install what is missing, build, start the app
#   ./build-aux/dev.sh test   install what is missing, build, run every test headless
#   ./build-aux/dev.sh bench  an optimised build, then the benchmarks; figures in _bench/bench.json
#   ./build-aux/dev.sh fuzz NAME [SECONDS]
#                             a libFuzzer harness (plan, dates, ics or csv) for SECONDS (default 300);
#                             crashers land in tests/fuzz/crashers/NAME, where the test suite replays them
#
# Works on a fresh Debian 12 with nothing but gcc and git: missing Debian
# packages are installed with apt-get (through sudo when not root), and the
# script says which.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build_dir="${BUILD_DIR:-_build}"

# Build and test dependencies, by Debian package name.
packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libical-dev
  libcairo2-dev libpango1.0-dev libgtk-4-bin librsvg2-common
  libxml2-utils desktop-file-utils appstream
  libecal2.0-dev libebook1.2-dev
)
test_packages=(
  xvfb xauth dbus dbus-daemon dbus-x11 at-spi2-core
  python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  libglib2.0-bin poppler-utils locales valgrind imagemagick
  evolution-data-server
)

say() { printf '%s\n' "dev.sh: $*" >&2; }

install_missing() {
  local missing=() p status
  for p in "$@"; do
    # No pipe into grep -q: with pipefail it can fail at random (SIGPIPE).
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    if [[ $status != *"install ok installed"* ]]; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  say "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      say "not root and no sudo: please install ${missing[*]} and run again"
      exit 1
    fi
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  # The desktop's calendars and address books are on for developers and
  # CI: a build that quietly left them out would test less.
  if [ ! -f "$build_dir/build.ninja" ]; then
    meson setup "$build_dir" -Deds=enabled "$@"
  else
    meson configure "$build_dir" -Deds=enabled
  fi
  ninja -C "$build_dir"
}

# A display test skips without a display; here the display is ours to
# provide, so a skip means the set-up is broken.
check_no_skips() {
  if grep -q '"result": "SKIP"' "$1/meson-logs/testlog.json"; then
    say "a test was skipped in $1: the headless display or D-Bus session did not work"
    exit 1
  fi
}

# Xvfb with a D-Bus session bus (and the accessibility bus the end-to-end
# test drives), the same for a developer and for CI.
headless() {
  xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- "$@"
}

cmd="${1:-}"
shift || true

case "$cmd" in
  run)
    install_missing "${packages[@]}"
    configure_and_build
    # The settings schema, compiled into the build folder, beside the system's.
    export GSETTINGS_SCHEMA_DIR="$top/$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
    # The translations built in $build_dir/po.
    export BREAKTHROUGH_LOCALEDIR="$top/$build_dir/po"
    # The module that reaches the desktop's calendars and contacts.
    export BREAKTHROUGH_EDS_MODULE="$top/$build_dir/src/libbt-eds.so"
    exec "$build_dir/src/breakthrough" "$@"
    ;;

  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    configure_and_build
    say "the test suite, normal build"
    headless meson test -C "$build_dir" --print-errorlogs "$@"
    check_no_skips "$build_dir"

    # The core suite again under valgrind memcheck: memory errors and
    # definite leaks fail it (build-aux/valgrind.supp names what libraries
    # keep on purpose). Tests that need real speed are in no-valgrind.
    say "the core suite under valgrind memcheck"
    meson test -C "$build_dir" --suite core --no-suite no-valgrind --no-rebuild --timeout-multiplier=10 \
      --print-errorlogs "$@" \
      --wrap="valgrind --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=1 -q --suppressions=$top/build-aux/valgrind.supp"

    # The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
    # LeakSanitizer checks the core suite; GTK keeps allocations for the
    # life of the process, so the ui suite runs without leak checks.
    say "the test suite, AddressSanitizer + UndefinedBehaviorSanitizer build"
    build_dir=_asan configure_and_build -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=0"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      headless meson test -C _asan --suite core --print-errorlogs "$@"
    # The sanitizers make the app two to three times slower: e2e-keyboard
    # takes 160-190 s of its 300 s here, too close to its limit for a
    # slower machine, so the ui suite's timeouts are doubled.
    # One at a time: run side by side on two cores, the slowed windows
    # let GTK 4.8 act on a closed window's surface now and then.
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
      headless meson test -C _asan --suite ui --timeout-multiplier=2 --num-processes=1 --print-errorlogs "$@"
    check_no_skips _asan
    ;;

  fuzz)
    name="${1:?which harness: plan, dates, ics or csv}"
    seconds="${2:-300}"
    install_missing "${packages[@]}" clang
    build_dir=_fuzz CC=clang configure_and_build -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false --buildtype=debugoptimized
    corpus="_fuzz/corpus/$name"
    mkdir -p "$corpus" "tests/fuzz/crashers/$name"
    case "$name" in
      plan)  seeds=(data/sample-plan.json tests/data/bad/*.json tests/data/import/plan.json) ;;
      dates) seeds=(tests/fuzz/seeds/dates/*) ;;
      ics)   seeds=(tests/data/import/*.ics tests/fuzz/seeds/ics/*) ;;
      csv)   seeds=(tests/data/import/*.csv tests/fuzz/seeds/csv/*) ;;
      *) say "no harness called $name"; exit 2 ;;
    esac
    cp -n "${seeds[@]}" "$corpus/" 2>/dev/null || true
    # Leaks count as findings; the corpus grows in _fuzz, crashers go
    # where the test suite replays them.
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      "_fuzz/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="tests/fuzz/crashers/$name/" "$corpus"
    ;;

  bench)
    install_missing "${packages[@]}" "${test_packages[@]}" valgrind
    build_dir=_bench
    configure_and_build --buildtype=release
    out="$build_dir/bench"
    mkdir -p "$out"
    export BREAKTHROUGH_EDS_MODULE="$top/$build_dir/src/libbt-eds.so"

    echo "== Load, save, analytics, charts and the report (medians; floors measured in the same run)"
    "$build_dir/tests/bench/bench-core" --json "$out/core.json" "$@"

    echo
    echo "== Instructions (callgrind; stable on a busy machine), and their growth from scale 1 to 100"
    rm -f "$out"/callgrind.out.*
    for scale in 1 100; do
      valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/callgrind.out.$scale.%p" \
        "$build_dir/tests/bench/bench-core" --instructions --instructions-scale "$scale" >/dev/null 2>&1
    done
    # name<TAB>scale<TAB>instructions, one line per operation and scale
    for f in "$out"/callgrind.out.*.*.*; do
      name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
      total=$(sed -n 's/^totals: //p' "$f")
      [ -n "$name" ] || continue
      scale=${f#"$out"/callgrind.out.}
      printf '%s\t%s\t%s\n' "$name" "${scale%%.*}" "$total"
    done | sort > "$out/instructions.tsv"
    python3 - "$out/instructions.tsv" "$out/instructions.json" <<'PY'
import json, sys
counts = {}
for line in open(sys.argv[1]):
    name, scale, total = line.rstrip('\n').split('\t')
    counts.setdefault(name, {})[scale] = int(total)
rows = {}
print(f"{'operation':28} {'scale 1':>15} {'scale 100':>17} {'growth':>9}")
for name in sorted(counts):
    c = counts[name]
    growth = c['100'] / c['1'] if '1' in c and '100' in c and c['1'] else None
    rows[name] = {'scale_1': c.get('1'), 'scale_100': c.get('100'), 'growth': growth}
    one = f"{c['1']:,}" if '1' in c else '—'
    hundred = f"{c['100']:,}" if '100' in c else '—'
    grown = f"{growth:.1f}×" if growth else ''
    print(f"{name:28} {one:>15} {hundred:>17} {grown:>9}")

# The same goals as the timed table's, judged on these counts, which do not
# swing with how busy the machine is.
goals = {'load': 1.3, 'save': 1.3}
missed = False
print()
print(f"{'ratio to the floor':28} {'scale 1':>15} {'scale 100':>17} {'goal':>9}")
for name in sorted(counts):
    floor = counts.get(name + '-floor')
    if floor is None:
        continue
    goal = goals.get(name, 1.5 if name.endswith('-chart') else None)
    cells = []
    for scale in ('1', '100'):
        if scale in counts[name] and floor.get(scale):
            ratio = counts[name][scale] / floor[scale]
            rows[name]['ratio_' + scale] = ratio
            over = goal is not None and ratio > goal
            missed = missed or over
            cells.append(f"{ratio:.3f}×" + (' MISSED' if over else ''))
        else:
            cells.append('—')
    print(f"{name:28} {cells[0]:>15} {cells[1]:>17} {'≤' + str(goal) if goal else '':>9}")
for name, row in rows.items():
    if not name.endswith('-floor') and row['growth'] and row['growth'] > 110:
        print(f"{name}: grows {row['growth']:.1f}× from scale 1 to 100 (goal ≤ 110×): MISSED")
        missed = True
print()
print("In instructions, some goals were missed: see MISSED above." if missed
      else "In instructions, every goal is met: each ratio to its floor, and growth ≤ 110×.")
json.dump(rows, open(sys.argv[2], 'w'), indent=2)
PY

    if [ -x "$build_dir/tests/bench/bench-eds" ]; then
      echo
      echo "== The desktop's calendars: a year of a busy calendar (5,000 meetings) through EDS"
      tests/eds-session.sh "$build_dir/tests/bench/bench-eds" | tee "$out/eds.txt"
    fi

    echo
    echo "== Start-up: exec to first frame, and peak memory"
    "$build_dir/tests/bench/make-plan" 1 "$out/scale-1.json"
    # With its settings schema, as installed: the app reads its preferences.
    export GSETTINGS_SCHEMA_DIR="$top/$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
    # A copy: the app opens it as a plan of the user's.
    cp "$top/data/sample-plan.json" "$out/sample.json"
    headless "$build_dir/tests/bench/bench-startup" --app "$build_dir/src/breakthrough" \
      --bare "$build_dir/tests/bench/bare-window" --plan "$out/sample.json" --plan "$out/scale-1.json" \
      --runs 31 --json "$out/startup.json"

    echo
    echo "== Stalls: the longest the window stops answering, with the ten-year plan"
    headless "$build_dir/tests/bench/bench-stalls" --plan "$out/scale-1.json" \
      --shim "$top/$build_dir/tests/bench/slow-fsync.so" --runs 3 --json "$out/stalls.json"

    printf '{\n"core": %s,\n"instructions": %s,\n"startup": %s,\n"stalls": %s\n}\n' \
      "$(cat "$out/core.json")" "$(cat "$out/instructions.json")" "$(cat "$out/startup.json")" \
      "$(cat "$out/stalls.json")" > "$build_dir/bench.json"
    echo
    echo "Figures written to $build_dir/bench.json"
    ;;

  *)
    echo "usage: $0 run|test|bench|fuzz NAME [SECONDS]" >&2
    exit 2
    ;;
esac
