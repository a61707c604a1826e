#!/usr/bin/python3
# Keyboard only, as a person who does not use a pointer: start the real app,
# open the weekly check-in with Ctrl+K, walk it with Tab, and check that
# focus reaches every field in reading order (top to bottom, left to right)
# and the Save button, that Shift+Tab walks back, and that Escape closes it.
# Then Alt+4 to the Relationships page, Tab to a person, Enter to edit, and
# the same walk through the item editor.
#
# Run by meson under Xvfb and a D-Bus session (build-aux/dev.sh test), with
# Debian's python3-pyatspi; keys go through AT-SPI (XTest). Prints TAP.

import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_common import check, finish, frame, private_env, wait_for, walk  # noqa: E402

binary = sys.argv[1]
home, env = private_env("bt-keyboard-")

# Tab and Escape as keysyms; the modifiers as the keycodes Xvfb's default
# keymap gives them (KEY_PRESS and KEY_RELEASE take keycodes).
KEY_TAB, KEY_ESCAPE, KEY_BACKSPACE, KEY_RETURN = 0xff09, 0xff1b, 0xff08, 0xff0d
KEY_CONTROL, KEY_SHIFT, KEY_ALT = 37, 50, 64


def key(sym, modifiers=()):
    for m in modifiers:
        pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
    for m in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_RELEASE)
    time.sleep(0.15)


def focused(window):
    for node in walk(window):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def describe(node):
    return f"{node.getRoleName()} '{(node.name or '').strip()}'"


def position(node):
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.y, extents.x


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ""


def tab_walk(window, limit=200):
    """Tab until focus comes back to where it started: the stops, in order.

    GTK 4.8 does not report focus on the text inside an AdwEntryRow, so a
    stop where no node says it is focused is tried by typing: the letter
    shows up in the field that has the keyboard, which is then named.
    """
    stops = []
    start = wait_for(lambda: focused(window), "a focused control")
    node = start
    for _ in range(limit):
        stops.append(node)
        key(KEY_TAB)
        end = time.monotonic() + 1.5
        node = focused(window)
        while node is None and time.monotonic() < end:
            time.sleep(0.1)
            node = focused(window)
        if node is None:
            texts = [n for n in walk(window) if n.getRoleName() in ("text", "entry")]
            before = {id(n): text_of(n) for n in texts}
            key(ord("q"))
            typed = [n for n in texts if text_of(n) != before[id(n)]]
            key(KEY_BACKSPACE)
            node = typed[0] if typed else "unknown"
            if node == "unknown":
                stops.append(node)
                continue
        if node == start:
            break
    return stops


def reading_order(stops, header_names):
    """The fields below the header bar come top to bottom, left to right."""
    # Positions are all read at the end, with the page scrolled as it is
    # then: the order holds whatever the scrolling.
    body = [s for s in stops if s != "unknown" and not any(h in (s.name or "") for h in header_names)]
    places = [position(s) for s in body]
    wrong = [f"{describe(body[i])} at y={places[i][0]} after {describe(body[i - 1])} at y={places[i - 1][0]}"
             for i in range(1, len(body)) if places[i][0] < places[i - 1][0] - 2]
    return wrong


app_process = subprocess.Popen([binary], env=env)
try:
    app = wait_for(lambda: next((a for a in pyatspi.Registry.getDesktop(0)
                                 if a is not None and a.name == "breakthrough"), None), "the app")
    main = wait_for(lambda: frame(app, "Breakthrough"), "the window")
    wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "label"
                           and "Next milestones" in (n.name or "")), None), "the overview")
    # Without a window manager the new window has the keyboard already.
    time.sleep(0.5)

    # The check-in, by its shortcut.
    key(ord("k"), (KEY_CONTROL,))
    dialog = wait_for(lambda: frame(app, "Weekly Check-in"), "the check-in, opened with Ctrl+K")
    check("Ctrl+K opens the check-in", dialog is not None)
    time.sleep(0.5)

    stops = tab_walk(dialog)
    names = [describe(s) if s != "unknown" else "a stop that neither says nor takes" for s in stops]
    for n in names:
        print(f"# check-in stop: {n}", flush=True)
    check("every Tab stop can be told or typed into", "unknown" not in stops)
    stops = [s for s in stops if s != "unknown"]
    spins = [s for s in stops if s.getRoleName() == "spin button"]
    categories = [n for n in walk(dialog) if n.getRoleName() == "spin button"]
    check("Tab reaches every hours field and rating of the check-in",
          len(categories) > 0 and len(spins) == len(categories))
    check("Tab reaches the reflection answer",
          any(s.getRoleName() in ("text", "entry") and "answer" in (s.name or "") for s in stops))
    check("Tab reaches Save and Cancel",
          any(s.getRoleName() == "push button" and "Save" in (s.name or "") for s in stops)
          and any(s.getRoleName() == "push button" and "Cancel" in (s.name or "") for s in stops))
    # The header bar's buttons come first; the rest in reading order.
    wrong = reading_order(stops, ("Save", "Cancel"))
    for w in wrong:
        print(f"# out of reading order: {w}", flush=True)
    check("the check-in's fields come in reading order", not wrong)

    # Shift+Tab walks back to the stop before.
    before = focused(dialog)
    key(KEY_TAB)
    key(KEY_TAB, (KEY_SHIFT,))
    check("Shift+Tab walks back", focused(dialog) == before)

    key(KEY_ESCAPE)
    wait_for(lambda: None if frame(app, "Weekly Check-in") else True, "Escape to close the check-in")
    check("Escape closes the check-in", True)

    # Alt+4: the Relationships page; Tab to a person, Enter opens the editor.
    time.sleep(0.3)
    key(ord("4"), (KEY_ALT,))
    wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "page tab"
                           and n.name == "Relationships" and n.getState().contains(pyatspi.STATE_SELECTED)),
                          None), "the Relationships page, shown with Alt+4")
    check("Alt+4 shows the Relationships page", True)
    wait_for(lambda: next((n for n in walk(main) if "Priya Raman" in (n.name or "")), None), "the people")
    person = None
    for _ in range(60):
        key(KEY_TAB)
        node = focused(main)
        if node is not None and "Priya Raman" in (node.name or ""):
            person = node
            break
    check("Alt+4 and Tab reach a person on the Relationships page", person is not None)
    key(KEY_RETURN)
    editor = wait_for(lambda: frame(app, "Person"), "the item editor, opened with Enter")
    check("Enter opens the person in the item editor", editor is not None)
    time.sleep(0.5)

    stops = tab_walk(editor)
    for s_ in stops:
        print(f"# editor stop: {describe(s_) if s_ != 'unknown' else 'a stop that neither says nor takes'}",
              flush=True)
    check("every Tab stop of the editor can be told or typed into", "unknown" not in stops)
    stops = [s_ for s_ in stops if s_ != "unknown"]
    unnamed = [describe(s_) for s_ in stops if not (s_.name or "").strip() or (s_.name or "").startswith("Gtk")]
    for u in unnamed:
        print(f"# a stop without a name: {u}", flush=True)
    check("every Tab stop of the editor has a name", not unnamed)
    fields = [n for n in walk(editor) if n.getRoleName() in ("spin button",)
              and n.getState().contains(pyatspi.STATE_SHOWING)]
    check("Tab reaches every number of the editor",
          all(any(f == s_ for s_ in stops) for f in fields))
    check("Tab reaches the name and the notes",
          any(s_.getRoleName() in ("text", "entry") and "Name" in (s_.name or "") for s_ in stops)
          and any(s_.getRoleName() in ("text", "entry") and "Notes" in (s_.name or "") for s_ in stops))
    check("Tab reaches Apply and Cancel",
          any(s_.getRoleName() == "push button" and "Apply" in (s_.name or "") for s_ in stops)
          and any(s_.getRoleName() == "push button" and "Cancel" in (s_.name or "") for s_ in stops))
    wrong = reading_order(stops, ("Apply", "Cancel"))
    for w in wrong:
        print(f"# out of reading order: {w}", flush=True)
    check("the editor's fields come in reading order", not wrong)

    key(KEY_ESCAPE)
    wait_for(lambda: None if frame(app, "Person") else True, "Escape to close the editor")
    check("Escape closes the editor", True)

    # Preferences, with Ctrl+comma: every control reached and named.
    time.sleep(0.3)
    key(ord(","), (KEY_CONTROL,))
    prefs = wait_for(lambda: frame(app, "Preferences"), "the preferences, opened with Ctrl+comma")
    time.sleep(0.5)
    stops = tab_walk(prefs)
    for s_ in stops:
        print(f"# preferences stop: {describe(s_) if s_ != 'unknown' else 'a stop that neither says nor takes'}",
              flush=True)
    stops = [s_ for s_ in stops if s_ != "unknown"]
    unnamed = [describe(s_) for s_ in stops if not (s_.name or "").strip() or (s_.name or "").startswith("Gtk")]
    check("every Tab stop of the preferences has a name", stops and not unnamed)
    controls = [n for n in walk(prefs) if n.getRoleName() in ("spin button", "combo box")]
    check("Tab reaches every control of the preferences",
          len(controls) > 0 and all(any(c == s_ for s_ in stops) for c in controls))
    key(KEY_ESCAPE)
    wait_for(lambda: None if frame(app, "Preferences") else True, "Escape to close the preferences")
    check("Escape closes the preferences", True)
finally:
    if app_process.poll() is None:
        app_process.terminate()
        app_process.wait(timeout=10)

sys.exit(finish())
