#!/usr/bin/env python3
"""The Flatpak manifest, which cannot be built here, is at least right:
the app's id and binary, the GNOME runtime, the EDS client library, and no
permission beyond what the app needs (files go through the portals, the
calendars and contacts through EDS's three bus names). TAP output.
Usage: check-flatpak.py MANIFEST APP_ID"""
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
checks = []

try:
    with open(path, encoding='utf-8') as f:
        m = json.load(f)
except (OSError, ValueError) as e:
    print('1..1\nnot ok 1 - %s is not readable JSON: %s' % (path, e))
    sys.exit(1)

args = m.get('finish-args', [])
module = (m.get('modules') or [{}])[-1]
checks.append(('the id is the app id', m.get('id') == app_id))
checks.append(('the file is named after the app id', path.endswith('/' + app_id + '.json')))
checks.append(('the command is the binary', m.get('command') == 'breakthrough'))
checks.append(('the GNOME runtime and SDK',
               m.get('runtime') == 'org.gnome.Platform' and m.get('sdk') == 'org.gnome.Sdk'))
checks.append(('no access to files beyond the portals',
               not any(a.startswith(('--filesystem', '--persist')) for a in args)))
# The desktop's calendars and address books are Evolution Data Server's:
# its source registry and its two factories, and no other name on the bus.
EDS_NAMES = {'--talk-name=org.gnome.evolution.dataserver.' + n
             for n in ('Sources5', 'Calendar8', 'AddressBook10')}
talk = {a for a in args if a.startswith('--talk-name')}
checks.append(('no network, no session or system bus beyond the portals and EDS',
               not any(a.startswith(('--share=network', '--socket=session-bus', '--socket=system-bus',
                                     '--own-name', '--system-talk-name', '--device=all'))
                       for a in args)
               and talk <= EDS_NAMES))
modules = {mod.get('name'): mod for mod in m.get('modules', []) if isinstance(mod, dict)}
eds_on = '-Deds=enabled' in module.get('config-opts', [])
checks.append(('the calendars and contacts: EDS and libical built before the app, and its names',
               eds_on and talk == EDS_NAMES and 'evolution-data-server' in modules and 'libical' in modules
               and [mod.get('name') for mod in m['modules']][-3:] == ['libical', 'evolution-data-server',
                                                                       'breakthrough']))
checks.append(('EDS without its services: the desktop runs them, the sandbox only talks to them',
               all(d in modules.get('evolution-data-server', {}).get('cleanup', [])
                   for d in ('/libexec', '/share/dbus-1'))))
checks.append(('a window on Wayland, and X11 only as a fallback',
               '--socket=wayland' in args and '--socket=fallback-x11' in args and '--socket=x11' not in args))
checks.append(('the last module builds this project with meson',
               module.get('name') == 'breakthrough' and module.get('buildsystem') == 'meson'))

print('1..%d' % len(checks))
failed = False
for i, (what, ok) in enumerate(checks, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, what))
    failed |= not ok
sys.exit(1 if failed else 0)
