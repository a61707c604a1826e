# What the end-to-end tests share: a private home for the real app, TAP
# output, and finding things in the accessibility tree.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import tempfile
import time

TIMEOUT = int(os.environ.get("BT_E2E_TIMEOUT", "60"))
results = []


def private_env(prefix):
    """The environment for the app: its own home, and the accessibility bus on."""
    home = tempfile.mkdtemp(prefix=prefix)
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.update({
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_CACHE_HOME": os.path.join(home, "cache"),
        "HOME": home,
    })
    return home, env


def check(what, ok):
    results.append(ok)
    print(("ok" if ok else "not ok") + f" {len(results)} - {what}", flush=True)
    return ok


def wait_for(find, what):
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end:
        try:
            node = find()
        except Exception:
            node = None
        if node is not None:
            return node
        time.sleep(0.2)
    raise RuntimeError(f"timed out waiting for {what}")


def walk(node, levels=60, depth=0):
    """@node and what lies at most @levels below it. A few levels are
    enough for what sits near the top of a window, found without a walk of
    the whole window (each step is a round trip to a busy app)."""
    if node is None or depth > levels:
        return
    yield node
    try:
        for child in node:
            yield from walk(child, levels, depth + 1)
    except Exception:
        return


def frame(app, title):
    for window in app:
        if window is not None and window.getRoleName() == "frame" and window.name == title:
            return window
    return None


def finish():
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


def do_action(node, index):
    """@node's action @index. The app answers once the action's handler has
    run; one that builds a file dialog in a sanitizer build on a loaded
    machine may answer after AT-SPI stopped waiting (CI saw it with
    "Export Report as PDF…"). The action was delivered then: the caller
    waits for what it does, and a hung app fails that wait."""
    try:
        node.queryAction().doAction(index)
    except Exception as e:
        if "Did not receive a reply" not in str(e):
            raise
        print(f"# no answer in time to the action on {node.getRoleName()} '{node.name}': going on", flush=True)
    time.sleep(0.1)


# ---------------------------------------------------------------------------
# The journey harness (tests/e2e-journeys.py): the real app on a fresh home
# folder, driven through the accessibility tree as a person would drive it,
# by roles and the names a screen reader says. Nothing here calls into the
# app: it sees what AT-SPI shows, clicks, types and presses keys (XTest,
# through the AT-SPI registry), and reads the plan file the app saved.
#
# Under Xvfb without a window manager every toplevel sits at (0, 0), so the
# window-relative extents GTK 4 reports are screen positions: a click at a
# widget's centre lands on it.

import ctypes
import datetime
import ctypes.util
import json
import re
import shutil
import signal
import subprocess
import sys
import traceback

import pyatspi  # noqa: E402  (Debian's python3-pyatspi)

# Keysyms, and the modifiers as the keycodes of Xvfb's default keymap
# (KEY_PRESS and KEY_RELEASE take keycodes).
KEY_TAB, KEY_ESCAPE, KEY_BACKSPACE, KEY_RETURN = 0xff09, 0xff1b, 0xff08, 0xff0d
KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END = 0xff52, 0xff54, 0xff51, 0xff53, 0xff50, 0xff57
KEY_DELETE = 0xffff
KEY_CONTROL, KEY_SHIFT, KEY_ALT = 37, 50, 64


def slowness(binary):
    """How many times slower than a normal build the app runs: the
    sanitizers make it two to three times slower."""
    try:
        with open(binary, "rb") as f:
            return 3 if b"__asan_init" in f.read() else 1
    except OSError:
        return 1


class JourneyFailed(AssertionError):
    """A step of a journey did not do what a user would expect."""


class NeedsFeature(Exception):
    """The window does not have what the journey needs yet (a feature being
    built): the journey is reported as TODO, not as a failure."""


def clean_name(name):
    """The name a person hears, without GTK 4.8's doubling of mnemonic
    labels: "_Check In Check In" and "Check In" both give "Check In"."""
    name = (name or "").replace("_", "").strip()
    half = len(name) // 2
    if len(name) % 2 == 1 and name[:half] == name[half + 1:]:
        return name[:half]
    return name


def name_matches(node_name, want):
    if want is None:
        return True
    name = clean_name(node_name)
    if isinstance(want, re.Pattern):
        return want.search(name) is not None
    if callable(want):
        return want(name)
    return name == want


def extents(node):
    """x, y, width, height in the window's coordinates (GTK 4 knows no
    screen coordinates)."""
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def is_shown(node):
    """GTK 4.8 keeps widgets of pages not on show in the tree, with no
    size, and never says "showing": a node is on screen when it has a size."""
    try:
        _, _, w, h = extents(node)
        return w > 0 and h > 0
    except Exception:
        return False


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ""


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def is_sensitive(node):
    s = states(node)
    return s is not None and s.contains(pyatspi.STATE_SENSITIVE)


def is_checked(node):
    s = states(node)
    return s is not None and (s.contains(pyatspi.STATE_CHECKED) or s.contains(pyatspi.STATE_PRESSED))


def is_selected(node):
    s = states(node)
    return s is not None and s.contains(pyatspi.STATE_SELECTED)


def find_all(root, role=None, name=None, shown=True, limit=None):
    """Every node under @root of @role (a role name, or a tuple of them)
    whose name, as a person hears it, is @name (a string, a compiled
    regular expression or a test)."""
    roles = (role,) if isinstance(role, str) else role
    found = []
    for node in walk(root):
        try:
            if roles is not None and node.getRoleName() not in roles:
                continue
            if not name_matches(node.name, name):
                continue
            if shown and not is_shown(node):
                continue
        except Exception:
            continue
        found.append(node)
        if limit is not None and len(found) >= limit:
            break
    return found


def find(root, role=None, name=None, shown=True):
    nodes = find_all(root, role, name, shown, limit=1)
    return nodes[0] if nodes else None


def texts(root, roles=("label", "text")):
    """What a person reads under @root: the text of every label shown."""
    out = []
    for node in walk(root):
        try:
            if node.getRoleName() in roles and is_shown(node):
                t = text_of(node) or node.name or ""
                if t:
                    out.append(t)
        except Exception:
            continue
    return out


def _x11():
    """libX11 through ctypes, for what a window manager would do: resize."""
    lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                               ctypes.POINTER(ctypes.c_uint)]
    lib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
    lib.XResizeWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint, ctypes.c_uint]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("c_class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


def x_windows():
    """Where the X server has the mapped top-level windows: (x, y, width,
    height) each."""
    lib = _x11()
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XWindowAttributes)]
    display = lib.XOpenDisplay(None)
    if not display:
        return []
    out = []
    try:
        root = lib.XDefaultRootWindow(display)
        root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        n = ctypes.c_uint()
        if lib.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                          ctypes.byref(children), ctypes.byref(n)):
            for i in range(n.value):
                attrs = _XWindowAttributes()
                if lib.XGetWindowAttributes(display, children[i], ctypes.byref(attrs)) and attrs.map_state == 2:
                    out.append((attrs.x, attrs.y, attrs.width, attrs.height))
            if children:
                lib.XFree(children)
    finally:
        lib.XCloseDisplay(display)
    return out


def popover_offset(node):
    """GTK 4.8 reports where a popover would be at its anchor, not where it
    slid to fit the window: the difference, from where the X server has
    the popover's window (of the popover's size)."""
    n = node
    for _ in range(30):
        if n is None:
            return 0, 0
        if n.name == "GtkPopover":
            break
        n = n.parent
    else:
        return 0, 0
    x, y, w, h = extents(n)
    same = [(wx, wy) for wx, wy, ww, wh in x_windows() if (ww, wh) == (w, h)]
    if len(same) != 1:
        return 0, 0
    return same[0][0] - x, same[0][1] - y


_held_display = None


def hold_display(seconds=30):
    """Open a connection to the X server and keep it for the whole run: Xvfb
    resets when its last client leaves, and refuses connections while it
    does, so an app started just after another one quit could find no
    display ("cannot open display")."""
    global _held_display
    lib = _x11()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        display = lib.XOpenDisplay(None)
        if display:
            _held_display = display
            return True
        time.sleep(0.5)
    return False


def resize_x11_window(title, width, height):
    """Resize the toplevel X window called @title, as a window manager
    would; returns whether one was found."""
    lib = _x11()
    display = lib.XOpenDisplay(None)
    if not display:
        return False
    try:
        root = lib.XDefaultRootWindow(display)
        root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        n = ctypes.c_uint()
        if not lib.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                              ctypes.byref(children), ctypes.byref(n)):
            return False
        done = False
        for i in range(n.value):
            name = ctypes.c_char_p()
            if lib.XFetchName(display, children[i], ctypes.byref(name)) and name.value is not None:
                if name.value.decode("utf-8", "replace") == title:
                    lib.XResizeWindow(display, children[i], width, height)
                    done = True
        if children:
            lib.XFree(children)
        lib.XFlush(display)
        return done
    finally:
        lib.XCloseDisplay(display)


# The main window's title: "Breakthrough", or the sample's "Sample Plan —
# Breakthrough".
MAIN_TITLE = re.compile(r"(^|— )Breakthrough$")


class App:
    """The real app, on a home folder of its own.

    @plan: a plan (a dict) to put where the app looks for the user's plan,
    as if the user had one; None for a first start."""

    def __init__(self, binary, home, scale=1, logdir=None, name="journey"):
        self.binary = os.path.abspath(binary)
        self.home = home
        self.scale = scale
        self.timeout = TIMEOUT * scale
        self.logdir = logdir
        self.name = name
        self.process = None
        self.app = None
        self.shots = 0
        self.env = dict(os.environ)
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.update({
            "HOME": home,
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
            # Settings kept in the home folder, as on a desktop: they
            # survive closing and reopening the app, and nothing else.
            "GSETTINGS_BACKEND": "keyfile",
        })
        self.plan_path = os.path.join(home, "data", "breakthrough", "plan.json")
        self.log_path = os.path.join(home, "app.log")
        # The header bar's buttons as GNOME shows them (its button-layout
        # "appmenu:close"), not GTK's fallback without a desktop, which adds
        # Minimise and Maximise: a bare X server has no XSETTINGS, so GTK
        # reads its settings.ini.
        gtk_dir = os.path.join(home, "config", "gtk-4.0")
        os.makedirs(gtk_dir, mode=0o700, exist_ok=True)
        with open(os.path.join(gtk_dir, "settings.ini"), "w") as f:
            f.write("[Settings]\ngtk-decoration-layout=appmenu:close\n")

    # ---- the process ----

    def put_plan(self, plan, path=None):
        path = path or self.plan_path
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "w") as f:
            json.dump(plan, f, indent=2)
        return path

    def start(self, *args):
        self._main = None
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.binary, *args], env=self.env, cwd=self.home,
                                        stdout=self.log, stderr=self.log)
        pid = self.process.pid

        def ours():
            for a in pyatspi.Registry.getDesktop(0):
                try:
                    if a is not None and a.get_process_id() == pid:
                        return a
                except Exception:
                    continue
            if self.process.poll() is not None:
                raise JourneyFailed(f"the app exited with status {self.process.returncode} on start")
            return None
        self.app = self.wait(ours, "the app on the accessibility bus")
        return self

    def running(self):
        return self.process is not None and self.process.poll() is None

    def close(self):
        """Close the main window as a person does, with its Close button;
        the app saves what is pending and quits."""
        main = self.main_window()
        close = self.wait(lambda: find(main, "push button", "Close"), "the window's Close button")
        for _ in range(6):
            try:
                self.click(close)
            except Exception:
                pass
            try:
                self.process.wait(timeout=self.timeout / 6)
                break
            except subprocess.TimeoutExpired:
                continue
        if self.running():
            raise JourneyFailed("the app did not quit when its window was closed: " +
                                "; ".join(f"{w.getRoleName()} '{w.name}'" for w in self.app))
        if self.process.returncode != 0:
            raise JourneyFailed(f"the app exited with status {self.process.returncode}")

    def kill(self):
        if self.running():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # ---- waiting ----

    def wait(self, find_fn, what, timeout=None):
        """Until @find_fn returns something other than None or False."""
        end = time.monotonic() + (timeout if timeout is not None else self.timeout)
        last_error = None
        while True:
            try:
                result = find_fn()
                if result is not None and result is not False:
                    return result
            except JourneyFailed:
                raise
            except Exception as e:
                last_error = e
            if self.process is not None and self.process.poll() is not None and find_fn is not None:
                raise JourneyFailed(f"the app exited (status {self.process.returncode}) "
                                    f"while waiting for {what}")
            if time.monotonic() >= end:
                detail = f" (last error: {last_error})" if last_error else ""
                raise JourneyFailed(f"timed out waiting for {what}{detail}")
            time.sleep(0.2)

    def wait_then_check(self, ok, what, timeout=None):
        """Wait until @ok() holds, up to 10 s (times the build's slowness),
        then go on either way: the check that follows looks at what is
        shown then, and says what is wrong. For what a window shows just
        after it comes, which a loaded machine tells the accessibility
        bus of a moment later."""
        try:
            self.wait(lambda: ok() or None, what, timeout if timeout is not None else 10 * self.scale)
        except JourneyFailed:
            pass

    def gone(self, find_fn, what, timeout=None):
        self.wait(lambda: True if find_fn() is None else None, what, timeout)

    # ---- windows ----

    def windows(self):
        try:
            return [w for w in self.app if w is not None]
        except Exception:
            return []

    def window(self, title, roles=("frame", "dialog", "filler", "window", "alert")):
        for w in self.windows():
            try:
                if w.getRoleName() in roles and name_matches(w.name, title):
                    return w
            except Exception:
                continue
        return None

    def wait_window(self, title, what=None, timeout=None):
        return self.wait(lambda: self.window(title), what or f"the window '{title}'", timeout)

    def wait_window_closed(self, title, what=None):
        # Not while GTK is destroying it: see main_window().
        time.sleep(0.5 * self.scale)
        self.gone(lambda: self.window(title), what or f"the window '{title}' to close")

    def main_window(self):
        """The main window, found once: listing the app's windows while GTK
        4.8 destroys a dialog can make it look up a window that has no
        path any more (a CRITICAL, fatal in the tests)."""
        main = getattr(self, "_main", None)
        if main is not None:
            try:
                if main.getRoleName() == "frame" and MAIN_TITLE.search(clean_name(main.name)):
                    return main
            except Exception:
                pass
        self._main = self.wait(lambda: self.window(MAIN_TITLE, roles=("frame",)), "the main window")
        return self._main

    def settle(self):
        """After a file dialog is accepted: let GTK destroy it before the
        windows are listed again (see main_window())."""
        time.sleep(1.0 * self.scale)

    def wait_for_plan_shown(self):
        """The plan loads in a worker thread; the pages come after the
        first frame: wait until the view switcher offers its pages."""
        main = self.main_window()
        return self.wait(lambda: main if any(is_sensitive(t) for t in find_all(main, "page tab", "Overview"))
                         else None, "the plan's pages")

    # ---- finding ----

    def find(self, root, role=None, name=None, shown=True):
        return find(root, role, name, shown)

    def wait_find(self, root, role=None, name=None, what=None, shown=True, timeout=None):
        return self.wait(lambda: find(root, role, name, shown),
                         what or f"{role or 'a node'} '{name}'", timeout)

    # ---- acting ----

    def click(self, node):
        """Press a button as a person would: its own action if it has one
        (what Enter or a click does), else a pointer click on its centre."""
        try:
            action = node.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
        except Exception:
            names = []
        for wanted in ("click", "activate", "press", "toggle", "select"):
            if wanted in names:
                do_action(node, names.index(wanted))
                return
        if names:
            do_action(node, 0)
            return
        self.pointer_click(node)

    def toplevel_of(self, node):
        n = node
        for _ in range(80):
            try:
                parent = n.parent
            except Exception:
                return None
            if parent is None or parent.getRoleName() == "application":
                return n
            n = parent
        return None

    def scroll_into_view(self, node):
        """Scroll with the mouse wheel, over the window, until @node is
        inside it, as a person scrolls to what they want to click."""
        top = self.toplevel_of(node)
        if top is None:
            return
        _, _, tw, th = extents(top)
        # Clear of the header bar, and of the toasts at the bottom.
        top_margin, bottom_margin = 50, min(120, th // 4)
        last, still = None, 0
        for _ in range(60):
            x, y, w, h = extents(node)
            if y >= top_margin and y + h <= th - bottom_margin:
                return
            # Where the wheel moves nothing (a control at the foot of a
            # dialog, such as a file dialog's choices), stop trying.
            still = still + 1 if y == last else 0
            if still >= 3:
                return
            last = y
            if h > th - top_margin - bottom_margin and y >= top_margin and y < th - bottom_margin:
                return
            # Over the node's column, low in the window, away from the header bar.
            px = min(max(x + w // 2, 1), tw - 1)
            pyatspi.Registry.generateMouseEvent(px, max(th * 2 // 3, 60), "abs")
            pyatspi.Registry.generateMouseEvent(px, max(th * 2 // 3, 60),
                                                "b5c" if y + h > th - bottom_margin else "b4c")
            time.sleep(0.1 * self.scale)

    def pointer_click(self, node, double=False, scroll=True):
        # Never the wheel over a popover: a calendar takes it as a month.
        if scroll and not _in_popover(node):
            self.scroll_into_view(node)
        x, y, w, h = extents(node)
        if w <= 0 or h <= 0:
            raise JourneyFailed(f"cannot click {describe(node)}: it is not on screen")
        # A row by its start, where its title is: a toast, centred at the
        # bottom of the window, may cover the middle of the last one.
        px = x + min(24, w // 4) if node.getRoleName() == "list item" else x + w // 2
        dx, dy = popover_offset(node) if _in_popover(node) else (0, 0)
        pyatspi.Registry.generateMouseEvent(px + dx, y + h // 2 + dy, "b1d" if double else "b1c")
        time.sleep(0.2)

    def key(self, sym, modifiers=()):
        for m in modifiers:
            pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
        for m in reversed(modifiers):
            pyatspi.Registry.generateKeyboardEvent(m, None, pyatspi.KEY_RELEASE)
        time.sleep(0.15 * self.scale)

    def type_keys(self, text):
        """Type @text on the keyboard, into whatever has the focus."""
        pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        time.sleep(0.1 * self.scale)

    def set_text(self, node, text):
        """Put @text into an entry, as an on-screen keyboard or a paste
        would: through the entry's editable text; then wait until the entry
        holds it."""
        node.queryEditableText().setTextContents(text)
        self.wait(lambda: text_of(node) == text, f"'{text}' in {describe(node)}", timeout=10 * self.scale)

    def set_value(self, node, value):
        node.queryValue().currentValue = value
        self.wait(lambda: abs(node.queryValue().currentValue - value) < 1e-6,
                  f"{value} in {describe(node)}", timeout=10 * self.scale)

    def choose(self, combo, item):
        """Pick @item in a drop-down (an AdwComboRow or a GtkDropDown): open
        it with the pointer, click the item in its popover."""
        self.pointer_click(combo)

        def items():
            labels = [n for n in walk(combo) if n.getRoleName() == "label" and _in_popover(n)]
            return labels if any(clean_name(text_of(n)) == item for n in labels) else None
        labels = self.wait(items, f"'{item}' in the list of {describe(combo)}")
        # By keyboard, from the top of the list: where GTK 4.8 puts a
        # popover that opens for the first time is not known at once.
        index = [clean_name(text_of(n)) for n in labels].index(item)
        time.sleep(0.3 * self.scale)
        self.key(KEY_HOME)
        for _ in range(index):
            self.key(KEY_DOWN)
        self.key(KEY_RETURN)
        # What the drop-down shows now (its closed popover keeps the size
        # it had: GTK 4.8 does not say it is gone).
        self.wait(lambda: any(not _in_popover(n) for n in find_all(combo, "label", item, shown=False)),
                  f"{describe(combo)} to show '{item}'")
        time.sleep(0.3)

    def menu(self, *path, pointer=False):
        """Choose an item of the main menu, through its submenus; with
        @pointer, the last one with a pointer click (an item that runs a
        dialog of its own, as printing does, answers an action only when
        that dialog closes)."""
        main = self.main_window()
        button = self.wait(lambda: next((b for b in find_all(main, "push button", "Main Menu")
                                         if _has_action(b)), None), "the main menu button")
        self.click(button)
        for i, item in enumerate(path):
            node = self.wait(lambda: find(main, "menu item", item), f"the menu item '{item}'")
            if pointer and i == len(path) - 1:
                # By keyboard: down the menu until the item has the focus;
                # after each key, until the focus has moved, or a loaded
                # machine makes the walk press on past the item.
                def has_focus(n):
                    s = states(n)
                    return s is not None and s.contains(pyatspi.STATE_FOCUSED)

                def focused_item():
                    return next((n for n in find_all(main, "menu item", None, shown=False) if has_focus(n)), None)
                for _ in range(40):
                    if states(node).contains(pyatspi.STATE_FOCUSED):
                        break
                    before = focused_item()
                    self.key(KEY_DOWN)
                    try:
                        self.wait(lambda: focused_item() != before, "the menu's focus to move",
                                  timeout=10 * self.scale)
                    except JourneyFailed:
                        pass   # at the end of the menu: the item is not in it
                else:
                    raise JourneyFailed(f"the keyboard never reached the menu item '{item}'")
                self.key(KEY_RETURN)
            else:
                self.click(node)
        time.sleep(0.2)

    # What only each page of the window has, to tell the pages apart: GTK
    # 4.8 keeps the size a page had when it was last shown, and says
    # "showing" of none of them.
    PAGE_MARKS = {
        "Overview": ("list", "Your time"),
        "Roadmap": ("push button", "Add Milestone"),
        "Time": ("push button", "Record a Past Week"),
        "People": ("push button", "Add Person"),
        "Narratives": ("push button", "Add Narrative"),
    }

    def page(self, title):
        """The part of the accessibility tree that is the page @title: the
        child of the pages' stack that holds what only that page has."""
        main = self.main_window()
        role, name = self.PAGE_MARKS[title]
        mark = self.wait(lambda: find(main, role, name, shown=False), f"the {title} page")
        node = mark
        for _ in range(40):
            parent = node.parent
            if parent is None:
                break
            if parent.childCount == len(self.PAGE_MARKS) and all(
                    c is not None and c.getRoleName() == "filler" for c in parent):
                return node
            node = parent
        return main

    def show_page(self, title):
        main = self.main_window()
        tab = self.wait(lambda: find(main, "page tab", title), f"the page tab '{title}'")
        self.click(tab)
        self.wait(lambda: any(is_selected(t) for t in find_all(main, "page tab", title)),
                  f"the {title} page to show")
        time.sleep(0.3)
        return self.page(title)

    def pick_date(self, button, date):
        """Open the date picker behind @button and pick @date (a
        datetime.date) in its calendar: the month and year arrows first,
        then a click on the day."""
        self.click(button)
        root = button.parent
        if self._pick_named_day(root, date):
            return
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]

        def a_calendar():
            # A calendar, whatever it is named: the innermost node that
            # shows a month's name above the days of the week.
            found = None
            for node in walk(root):
                try:
                    if node.getRoleName() in ("filler", "calendar", "panel") and node.childCount <= 3 and \
                            find(node, "label", re.compile(r"^(Mon|Monday)$")) is not None and \
                            any(find(node, "label", m, shown=False) is not None for m in months):
                        found = node
                except Exception:
                    continue
            return found
        calendar = self.wait(a_calendar, "the calendar of the date picker")

        def shown_month():
            month = next((m for m in months if find(calendar, "label", m)), None)
            year = next((int(text_of(n)) for n in find_all(calendar, "label", re.compile(r"^\d{4}$"))), None)
            return (year, months.index(month) + 1) if month and year else None

        def grid():
            """The year shown, and the day grid: its labels and their texts
            (GTK 4.8 keeps every month's name in a stack, each with the size
            it last had: the days tell the month, not the names)."""
            year_label = next((n for n in find_all(calendar, "label", None)
                               if re.fullmatch(r"\d{4}", text_of(n) or "")), None)
            labels = [n for n in walk(calendar) if n.getRoleName() == "label"
                      and re.fullmatch(r"\d{1,2}", text_of(n) or "")]
            return (int(text_of(year_label)) if year_label else None), labels

        def months_matching(year, labels):
            days = [int(text_of(n)) for n in labels]
            if 1 not in days:
                return [], None
            pos = days.index(1)
            rest = days[pos + 1:]
            length = rest.index(1) + 1 if 1 in rest else len(days) - pos
            found = []
            for m in range(1, 13):
                first = datetime.date(year, m, 1)
                following = datetime.date(year + (m == 12), m % 12 + 1, 1)
                prev_last = first - datetime.timedelta(days=1)
                if (following - first).days == length and \
                        days[:pos] == list(range(prev_last.day - pos + 1, prev_last.day + 1)):
                    found.append(m)
            return found, pos

        expected = None
        for _ in range(240):
            year, labels = self.wait(lambda: (lambda g: g if g[0] and len(g[1]) >= 28 else None)(grid()),
                                     "the calendar's days")
            found, pos = months_matching(year, labels)
            if expected is not None and expected[0] == year and expected[1] in found:
                month = expected[1]
            elif date.year == year and date.month in found and expected is None and len(found) == 1:
                month = date.month
            elif len(found) >= 1:
                today_ = datetime.date.today()
                month = today_.month if (year == today_.year and today_.month in found) else found[0]
            else:
                raise JourneyFailed("the calendar's days are not a month's")
            if (year, month) == (date.year, date.month):
                break
            arrows = sorted(find_all(calendar, "push button", None), key=lambda n: extents(n)[0])
            # GTK 4.8's calendar has four unnamed arrows: previous month,
            # next month, previous year, next year, left to right.
            if len(arrows) < 4:
                raise JourneyFailed("the calendar has no arrows to change the month")
            back = (year, month) > (date.year, date.month)
            before = [text_of(n) for n in labels]
            self.click(arrows[0] if back else arrows[1])
            expected = (year - (month == 1), 12 if month == 1 else month - 1) if back else \
                (year + (month == 12), 1 if month == 12 else month + 1)
            self.wait(lambda: [text_of(n) for n in grid()[1]] != before or grid()[0] != year,
                      "the calendar to change its month", timeout=10 * self.scale)
        day = labels[pos + date.day - 1]
        if text_of(day) != str(date.day):
            raise JourneyFailed(f"the calendar has no day {date.day} where expected")
        self.pointer_click(day, scroll=False)
        time.sleep(0.3)

    def _pick_named_day(self, root, date):
        """A date picker whose days are buttons named by their dates, with
        "Previous Month" and "Next Month": press the one named @date."""
        try:
            # Long enough for a loaded machine to open the popover: a
            # picker missed here is looked for as a calendar, in vain.
            self.wait(lambda: find(root, "push button", "Next Month"), "the date picker's months",
                      timeout=15 * self.scale)
        except JourneyFailed:
            return False

        def named_days():
            out = {}
            for n in find_all(root, "push button", None, shown=False):
                try:
                    out[datetime.datetime.strptime(clean_name(n.name), "%d %b %Y").date()] = n
                except ValueError:
                    continue
            return out
        for _ in range(240):
            days = self.wait(lambda: named_days() or None, "the date picker's days")
            if date in days:
                self.click(days[date])
                time.sleep(0.3)
                return True
            before = sorted(days)
            self.click(find(root, "push button", "Previous Month" if date < before[0] else "Next Month"))
            self.wait(lambda: sorted(named_days()) != before, "the date picker to change its month",
                      timeout=10 * self.scale)
        raise JourneyFailed(f"the date picker never showed {date}")

    # ---- what a person sees ----

    def texts(self, root=None):
        return texts(root or self.main_window())

    # A toast sits in the window's toast overlay, three levels down (window,
    # its content, the overlay); it shows for a few seconds only, so a look
    # for it must not walk the whole window, which takes longer than that
    # when the app is built with sanitizers on a loaded machine.
    TOAST_DEPTH = 3

    def toasts(self):
        main = self.main_window()
        out = []
        for node in walk(main, self.TOAST_DEPTH):
            try:
                if node.name == "AdwToastWidget" and is_shown(node):
                    out += [text_of(n) or n.name for n in walk(node) if n.getRoleName() == "label"]
            except Exception:
                continue
        return out

    def wait_toast(self, pattern, what=None):
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        return self.wait(lambda: next((t for t in self.toasts() if rx.search(t)), None),
                         what or f"a toast saying /{rx.pattern}/")

    def wait_toast_buttons(self, pattern, what=None):
        """(text, button names) of the toast saying @pattern, read in one
        look: a toast goes after a few seconds, and a slow build must not
        miss its button by looking twice."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern

        def look():
            for node in walk(self.main_window(), self.TOAST_DEPTH):
                try:
                    if node.name != "AdwToastWidget" or not is_shown(node):
                        continue
                    inside = list(walk(node))
                    text = next((t for t in (text_of(n) or n.name for n in inside
                                             if n.getRoleName() == "label") if t and rx.search(t)), None)
                    if text is not None:
                        return text, [clean_name(n.name) for n in inside if n.getRoleName() == "push button"]
                except Exception:
                    continue
            return None
        return self.wait(look, what or f"a toast saying /{rx.pattern}/")

    def list_rows(self, list_node):
        """The titles of the rows of a boxed list, as shown."""
        return [clean_name(n.name) for n in list_node
                if n is not None and n.getRoleName() == "list item" and is_shown(n)]

    # ---- the plan file ----

    def read_plan(self, until=None, what="the saved plan", path=None):
        """The plan as saved: waits for the autosave (two seconds after the
        last change) until @until(plan) holds."""
        path = path or self.plan_path

        def load():
            try:
                with open(path) as f:
                    plan = json.load(f)
            except (OSError, ValueError):
                return None
            return plan if until is None or until(plan) else None
        return self.wait(load, what)

    # ---- when it goes wrong ----

    def screenshot(self, label):
        """The whole screen, into the meson log folder, for a person to see
        what the journey saw."""
        if not self.logdir or shutil.which("import") is None:
            return None
        self.shots += 1
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", label)[:60]
        path = os.path.join(self.logdir, f"{self.name}-{self.shots:02d}-{safe}.png")
        try:
            subprocess.run(["import", "-window", "root", path], timeout=30, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return path
        except Exception:
            return None


def _has_action(node):
    try:
        return node.queryAction().nActions > 0
    except Exception:
        return False


def _in_popover(node):
    n = node
    for _ in range(12):
        try:
            n = n.parent
        except Exception:
            return False
        if n is None:
            return False
        if n.name in ("GtkPopover", "GtkPopoverContent") or n.getRoleName() in ("menu", "popup menu"):
            return True
    return False


def describe(node):
    try:
        return f"{node.getRoleName()} '{clean_name(node.name)}'"
    except Exception:
        return "a node"
