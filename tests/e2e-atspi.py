#!/usr/bin/python3
# End to end, through the accessibility tree, as a screen reader user would:
# start the real app, add a person and a week's hours by clicking and typing,
# close the window, and check the plan file it saved.
#
# Run by meson under Xvfb and a D-Bus session (build-aux/dev.sh test), with
# Debian's python3-pyatspi. Prints TAP.

import datetime
import json
import os
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_common import TIMEOUT, check, finish, frame, private_env, wait_for, walk  # noqa: E402

binary = sys.argv[1]
home, env = private_env("bt-e2e-")
plan_path = os.path.join(home, "data", "breakthrough", "plan.json")


def first(root, role, name_part):
    for node in walk(root):
        try:
            if node.getRoleName() == role and name_part in (node.name or ""):
                return node
        except Exception:
            continue
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def type_into(entry, text):
    try:
        entry.queryEditableText().setTextContents(text)
        return
    except NotImplementedError:
        pass
    entry.queryComponent().grabFocus()
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
        time.sleep(0.02)


# Every control in every window has a name a screen reader can say.
controls = ("push button", "toggle button", "check box", "spin button", "entry", "text",
            "combo box", "radio button", "menu button", "slider")


def unnamed(name):
    # GTK falls back to the class name ("GtkMenuButton", "GtkImage") for
    # a control nobody named: that is no name to a person.
    name = (name or "").strip()
    return not name or (name[:3] in ("Gtk", "Adw") and " " not in name)


def unnamed_controls(root):
    missing = []
    for node in walk(root):
        try:
            # GTK 4.8 exposes a GtkDropDown's inner toggle as a nameless
            # button; the drop-down itself, its parent, carries the name.
            parent = node.parent
            if parent is not None and parent.getRoleName() == "combo box" and not unnamed(parent.name):
                continue
            if node.getRoleName() in controls and unnamed(node.name):
                missing.append(f"{node.getRoleName()} '{node.name}' in {node.parent.getRoleName()} "
                               f"'{node.parent.name}'")
        except Exception:
            continue
    return missing


def on_screen(node):
    try:
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def page_switcher(title):
    # The view switcher title holds a wide and a narrow switcher, and the
    # bottom bar a third: the one on screen is the one a person clicks.
    for node in walk(main):
        try:
            if (node.name or "").strip().startswith(title) and node.queryAction().nActions > 0 \
                    and node.getRoleName() in ("toggle button", "push button", "radio button", "page tab") \
                    and on_screen(node):
                return node
        except Exception:
            continue
    return None


def misread_controls(root):
    # A mnemonic's underline read out ("_Save"), or the name said twice
    # ("Save Save", "Hours Hours"): a label and a labelling widget both.
    wrong = []
    for node in walk(root):
        try:
            if node.getRoleName() not in controls:
                continue
            name = (node.name or "").strip()
            words = name.split()
            half = len(words) // 2
            if "_" in name or (half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]):
                wrong.append(f"{node.getRoleName()} '{name}'")
        except Exception:
            continue
    return wrong


# What every window of the journey is checked for, dialogs and toasts too:
# (where, what) for each control misread or named by its class.
missing = []
misread = []


def audit(root, where):
    missing.extend(f"{where}: {m}" for m in unnamed_controls(root))
    misread.extend(f"{where}: {m}" for m in misread_controls(root))


app_process = subprocess.Popen([binary], env=env)
try:
    app = wait_for(lambda: next((a for a in pyatspi.Registry.getDesktop(0)
                                 if a is not None and a.name == "breakthrough"), None), "the app")
    main = wait_for(lambda: frame(app, "Breakthrough"), "the window")
    check_in = wait_for(lambda: first(main, "push button", "Check In"), "the Check In button")
    # The first start: a plan of one's own, with the goal and the usual
    # categories, saved at the default place.
    click(wait_for(lambda: first(main, "push button", "Start My Own Plan"), "the first start's choice"))
    goal = wait_for(lambda: frame(app, "Start My Own Plan"), "the goal dialog")
    wait_for(lambda: first(goal, "push button", "Start Plan"), "the goal dialog's buttons")
    audit(goal, "goal dialog")
    type_into(wait_for(lambda: first(goal, "text", "Target role") or first(goal, "entry", "Target role"),
                       "the Target role entry"), "VP Engineering")
    click(wait_for(lambda: first(goal, "push button", "Start Plan"), "the Start Plan button"))
    wait_for(lambda: None if frame(app, "Start My Own Plan") else True, "the goal dialog to close")
    check("a plan of my own was started", True)
    # The plan loads in a worker thread: wait until the overview is there.
    wait_for(lambda: first(main, "label", "Next milestones"), "the overview")

    for title in ("Overview", "Roadmap", "Time", "People", "Narratives"):
        click(wait_for(lambda: page_switcher(title), f"the {title} page"))
        # The page is shown once its tab says so, however slow the machine:
        # an audit before would look at the page before it.
        wait_for(lambda: next((n for n in walk(main) if n.getRoleName() == "page tab"
                               and (n.name or "").strip() == title
                               and n.getState().contains(pyatspi.STATE_SELECTED)), None),
                 f"the {title} page to show")
        time.sleep(0.8)
        audit(main, title)

    # A milestone's editor, with its date picker open: the month arrows, the
    # days, the button that opens it.
    click(wait_for(lambda: page_switcher("Roadmap"), "the Roadmap page's switcher"))
    click(wait_for(lambda: first(main, "push button", "Add Milestone"), "the Add Milestone button"))
    milestone = wait_for(lambda: frame(app, "New Milestone"), "the milestone editor")
    pick = wait_for(lambda: first(milestone, "push button", "Pick a Date")
                    or first(milestone, "toggle button", "Pick a Date"), "the date's picker button")
    # A menu button: the button inside it is the one pressed.
    click(next(n for n in walk(pick) if n.queryAction().nActions > 0))
    wait_for(lambda: first(milestone, "push button", "Next Month"), "the date picker")
    audit(milestone, "milestone editor with its date picker")
    click(wait_for(lambda: first(milestone, "push button", "Cancel"), "the editor's Cancel button"))
    wait_for(lambda: None if frame(app, "New Milestone") else True, "the milestone editor to close")

    # Add a person: to the People page, its add button, a name.
    click(wait_for(lambda: page_switcher("People"), "the People page's switcher"))
    click(wait_for(lambda: first(main, "push button", "Add Person"), "the Add Person button"))
    person = wait_for(lambda: frame(app, "New Person"), "the person editor")
    name = wait_for(lambda: first(person, "text", "Name") or first(person, "entry", "Name"), "the Name entry")
    audit(person, "person editor")
    type_into(name, "E2E Person")
    add = wait_for(lambda: first(person, "push button", "Add"), "the Add button")
    wait_for(lambda: add if add.getState().contains(pyatspi.STATE_SENSITIVE) else None, "Add to become possible")
    click(add)
    # The toast that offers to take it back, looked for first and near the
    # top of the window: it goes after a few seconds, sooner than a slow
    # build walks the whole window.
    toast = wait_for(lambda: next((n for n in walk(main, 3) if n.name == "AdwToastWidget"
                                   and first(n, "push button", "Undo")), None), "the toast's Undo button")
    audit(toast, "toast")
    wait_for(lambda: None if frame(app, "New Person") else True, "the editor to close")
    check("a person was added through the editor", True)

    # A week's hours through the check-in.
    click(check_in)
    dialog = wait_for(lambda: frame(app, "Weekly Check-in"), "the check-in")
    spin = wait_for(lambda: first(dialog, "spin button", "Firefighting and incidents"), "the first category")
    audit(dialog, "check-in")
    spin.queryValue().currentValue = 12.5
    save = wait_for(lambda: first(dialog, "push button", "Save"), "the Save button")
    click(save)
    wait_for(lambda: None if frame(app, "Weekly Check-in") else True, "the check-in to close")
    check("a week was checked in", True)

    for m in missing:
        print(f"# no accessible name: {m}", flush=True)
    check("every control in every window of the journey has an accessible name", not missing)
    for m in misread:
        print(f"# misread accessible name: {m}", flush=True)
    check("no control's name shows its underline or reads twice, in any window of the journey", not misread)

    # Close the window: it saves what is pending.
    close = wait_for(lambda: first(main, "push button", "Close"), "the Close button")
    print(f"# closing with {close.getRoleName()} '{close.name}' in {close.parent.getRoleName()} "
          f"'{close.parent.name}'", flush=True)
    # Right after a modal dialog closes, a click can arrive before the
    # window takes input again (slowly, under the sanitizers): click again,
    # as a person would. Closing twice does no harm.
    for attempt in range(6):
        click(close)
        try:
            app_process.wait(timeout=TIMEOUT / 6)
            break
        except subprocess.TimeoutExpired:
            continue
    try:
        app_process.wait(timeout=1)
    except subprocess.TimeoutExpired:
        for window in app:
            print(f"# still open: {window.getRoleName()} '{window.name}'", flush=True)
            for node in walk(window):
                if node.getRoleName() in ("label", "alert", "dialog", "notification") and node.name:
                    print(f"#   {node.getRoleName()}: {node.name[:120]}", flush=True)
        raise
    check("the app quit when its window closed", app_process.returncode == 0)
finally:
    if app_process.poll() is None:
        app_process.terminate()
        app_process.wait(timeout=10)

with open(plan_path) as f:
    plan = json.load(f)
check("the plan file is readable by the user alone", (os.stat(plan_path).st_mode & 0o777) == 0o600)
check("the saved plan has the goal typed in", plan.get("profile", {}).get("target_role") == "VP Engineering")
check("the saved plan has the person typed in",
      any(r.get("name") == "E2E Person" for r in plan.get("relationships", [])))

year, week, _ = datetime.date.today().isocalendar()
category = next(c["id"] for c in plan["categories"] if c["name"] == "Firefighting and incidents")
saved_week = next((w for w in plan.get("weeks", []) if w["week"] == f"{year:04d}-W{week:02d}"), None)
check("the saved plan has this week's hours as entered",
      saved_week is not None and saved_week["hours"].get(category) == 12.5)

sys.exit(finish())
