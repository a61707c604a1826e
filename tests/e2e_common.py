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


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        for child in node:
            yield from walk(child, depth + 1)
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
