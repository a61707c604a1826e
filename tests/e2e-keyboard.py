#!/usr/bin/python3
# Keyboard only, as a person who does not use a pointer: start the real app,
# open the weekly check-in with Ctrl+K, walk it with Tab, and check that
# focus reaches every field in reading order (top to bottom, left to right)
# and the Save button, that Shift+Tab walks back, and that Escape closes it.
# Then Alt+4 to the People (relationships) page, Tab to a person, Enter to edit, and
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
from e2e_common import check, finish, frame, private_env, slowness, wait_for, walk  # noqa: E402

binary = sys.argv[1]
# Two to three times slower under the sanitizers.
SCALE = slowness(binary)
home, env = private_env("bt-keyboard-")

# Tab and Escape as keysyms; the modifiers as the keycodes Xvfb's default
# keymap gives them (KEY_PRESS and KEY_RELEASE take keycodes).
KEY_TAB, KEY_ESCAPE, KEY_BACKSPACE, KEY_RETURN, KEY_END = 0xff09, 0xff1b, 0xff08, 0xff0d, 0xff57
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


def press_tab(window, shift=False):
    """Tab (or Shift+Tab), then wait until the control that had the focus
    says it lost it: a loaded machine may take a while to handle the key,
    and the walk must not read the old stop again as the next one. A stop
    that does not say it is focused (see tab_walk()) has nothing to wait
    for."""
    before = focused(window)
    key(KEY_TAB, (KEY_SHIFT,) if shift else ())
    if before is None:
        return
    end = time.monotonic() + 10 * SCALE
    while focused(window) == before and time.monotonic() < end:
        time.sleep(0.05)


def tab_walk(window, limit=200):
    """Tab until focus comes back to where it started: the stops, in order.

    GTK 4.8 does not report focus on the text inside an AdwEntryRow, so a
    stop where no node says it is focused is tried by typing: the letter
    shows up in the field that has the keyboard, which is then named.
    """
    def typed_into():
        texts = [n for n in walk(window) if n.getRoleName() in ("text", "entry")]
        before = {id(n): text_of(n) for n in texts}
        # At the end of what the field holds, which Tab selected: the
        # letter and its Backspace leave it as it was.
        key(KEY_END)
        key(ord("q"))
        typed = [n for n in texts if text_of(n) != before[id(n)]]
        key(KEY_BACKSPACE)
        return typed[0] if typed else "unknown"

    def settled_focus():
        end = time.monotonic() + 1.5 * SCALE
        node = focused(window)
        while node is None and time.monotonic() < end:
            time.sleep(0.1)
            node = focused(window)
        return node if node is not None else typed_into()

    stops = []
    # A dialog opens with the focus in its first field, often an entry
    # row that does not say so: then it is found by typing too.
    start = settled_focus()
    check("a control has the keyboard focus when the window opens", start != "unknown")
    if start == "unknown":
        return [start]
    node = start
    for _ in range(limit):
        stops.append(node)
        press_tab(window)
        node = settled_focus()
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


def walk_dialog(window, what, header_names):
    """Tab through @window and check what every walk must hold: each stop
    can be told (or typed into), has a name, and the fields below the
    header bar come in reading order. Returns the stops that can be told."""
    stops = tab_walk(window)
    for s in stops:
        print(f"# {what} stop: {describe(s) if s != 'unknown' else 'a stop that neither says nor takes'}",
              flush=True)
    check(f"every Tab stop of the {what} can be told or typed into", "unknown" not in stops)
    stops = [s for s in stops if s != "unknown"]
    unnamed = [describe(s) for s in stops if not (s.name or "").strip() or (s.name or "").startswith("Gtk")]
    for u in unnamed:
        print(f"# a stop without a name: {u}", flush=True)
    check(f"every Tab stop of the {what} has a name", stops and not unnamed)
    wrong = reading_order(stops, header_names)
    for w in wrong:
        print(f"# out of reading order: {w}", flush=True)
    check(f"the fields of the {what} come in reading order", not wrong)
    return stops


def reaches(stops, roles, word):
    return any(s.getRoleName() in roles and word in (s.name or "") for s in stops)


app_process = subprocess.Popen([binary], env=env)
try:
    app = wait_for(lambda: next((a for a in pyatspi.Registry.getDesktop(0)
                                 if a is not None and a.name == "breakthrough"), None), "the app")
    main = wait_for(lambda: frame(app, "Breakthrough"), "the window")
    # The first start: Alt+E, the mnemonic of "Explore the Sample".
    wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "push button"
                           and "Explore the Sample" in (n.name or "")), None), "the first start's choice")
    # Without a window manager the new window has the keyboard already.
    time.sleep(0.5)
    key(ord("e"), (KEY_ALT,))
    wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "label"
                           and "Next milestones" in (n.name or "")), None), "the overview")
    time.sleep(0.5)

    # The check-in, by its shortcut.
    key(ord("k"), (KEY_CONTROL,))
    dialog = wait_for(lambda: frame(app, "Weekly Check-in"), "the check-in, opened with Ctrl+K")
    check("Ctrl+K opens the check-in", dialog is not None)
    time.sleep(0.5)

    # The header bar's buttons come first; the rest in reading order.
    stops = walk_dialog(dialog, "check-in", ("Save", "Cancel"))
    spins = [s for s in stops if s.getRoleName() == "spin button"]
    categories = [n for n in walk(dialog) if n.getRoleName() == "spin button"]
    check("Tab reaches every hours field and rating of the check-in",
          len(categories) > 0 and len(spins) == len(categories))
    check("Tab reaches the reflection answer", reaches(stops, ("text", "entry"), "answer"))
    check("Tab reaches Save and Cancel",
          reaches(stops, ("push button",), "Save") and reaches(stops, ("push button",), "Cancel"))

    # Shift+Tab walks back to the stop before.
    before = focused(dialog)
    press_tab(dialog)
    press_tab(dialog, shift=True)
    # Waited for, then checked as it is.
    end = time.monotonic() + 10 * SCALE
    while focused(dialog) != before and time.monotonic() < end:
        time.sleep(0.05)
    check("Shift+Tab walks back", focused(dialog) == before)

    key(KEY_ESCAPE)
    wait_for(lambda: None if frame(app, "Weekly Check-in") else True, "Escape to close the check-in")
    check("Escape closes the check-in", True)

    # Alt+4: the People page; Tab to a person, Enter opens the editor.
    time.sleep(0.3)
    key(ord("4"), (KEY_ALT,))
    wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "page tab"
                           and n.name == "People" and n.getState().contains(pyatspi.STATE_SELECTED)),
                          None), "the People page, shown with Alt+4")
    check("Alt+4 shows the People page", True)
    wait_for(lambda: next((n for n in walk(main) if "Priya Raman" in (n.name or "")), None), "the people")
    person = None
    for _ in range(60):
        press_tab(main)
        node = focused(main)
        if node is not None and "Priya Raman" in (node.name or ""):
            person = node
            break
    check("Alt+4 and Tab reach a person on the People page", person is not None)
    key(KEY_RETURN)
    editor = wait_for(lambda: frame(app, "Person"), "the item editor, opened with Enter")
    check("Enter opens the person in the item editor", editor is not None)
    time.sleep(0.5)

    stops = walk_dialog(editor, "editor", ("Apply", "Cancel"))
    fields = [n for n in walk(editor) if n.getRoleName() in ("spin button",)
              and n.getState().contains(pyatspi.STATE_SHOWING)]
    check("Tab reaches every number of the editor", all(any(f == s for s in stops) for f in fields))
    check("Tab reaches the name and the notes",
          reaches(stops, ("text", "entry"), "Name") and reaches(stops, ("text", "entry"), "Notes"))
    check("Tab reaches Apply and Cancel",
          reaches(stops, ("push button",), "Apply") and reaches(stops, ("push button",), "Cancel"))

    # Something typed in the first field, where the walk ends: the editor
    # asks before it throws that away.
    key(ord("q"))
    key(KEY_ESCAPE)

    def closed_or_asked():
        if not frame(app, "Person"):
            return "closed"
        for node in walk(app):
            if node.getRoleName() == "push button" and (node.name or "").replace("_", "") == "Discard":
                return node
        return None

    answer = wait_for(closed_or_asked, "Escape to close the editor or ask")
    if answer != "closed":
        check("Escape asks before it discards what was typed", True)
        answer.queryAction().doAction(0)
        wait_for(lambda: None if frame(app, "Person") else True, "Discard to close the editor")
    check("Escape closes the editor", True)

    # Back on the People page: typing starts the search, Escape ends it,
    # and Ctrl+F goes back to it from anywhere in the window.
    SEARCH = "Search people by name, role, function or notes"

    def in_search(text):
        """The search, focused and holding @text, or None (said why)."""
        def look():
            node = focused(main)
            return node if node is not None and node.name == SEARCH and text_of(node) == text else None
        try:
            return wait_for(look, f"the search, focused, with {text!r} in it")
        except RuntimeError as e:
            node = focused(main)
            print(f"# {e}; the focus is on {describe(node) if node else 'nothing'}: {text_of(node)!r}")
            return None

    time.sleep(0.3)
    for ch in "pri":
        key(ord(ch))
    check("typing on the People page starts the search", in_search("pri") is not None)
    key(KEY_ESCAPE)
    check("Escape empties the search", in_search("") is not None)
    press_tab(main)
    check("Tab leaves the search", focused(main) is not None and focused(main).name != SEARCH)
    key(ord("f"), (KEY_CONTROL,))
    check("Ctrl+F puts the keyboard in the search of people", in_search("") is not None)
    key(KEY_ESCAPE)

    # Preferences, with Ctrl+comma: every control reached and named.
    time.sleep(0.3)
    key(ord(","), (KEY_CONTROL,))
    prefs = wait_for(lambda: frame(app, "Preferences"), "the preferences, opened with Ctrl+comma")
    time.sleep(0.5)
    stops = walk_dialog(prefs, "preferences", ())
    controls = [n for n in walk(prefs) if n.getRoleName() in ("spin button", "combo box")]
    check("Tab reaches every control of the preferences",
          len(controls) > 0 and all(any(c == s for s in stops) for c in controls))
    key(KEY_ESCAPE)
    wait_for(lambda: None if frame(app, "Preferences") else True, "Escape to close the preferences")
    check("Escape closes the preferences", True)
finally:
    if app_process.poll() is None:
        app_process.terminate()
        app_process.wait(timeout=10)

sys.exit(finish())
