#!/bin/sh
# Refresh the Korean translation sources from the code, keeping every translation already made,
# then build the one file the app loads (resources/translations/cnnstudio_ko.qm, shipped).
#
# The interface's text is split into areas, one Qt Linguist source each, so the parts of the app
# can be translated apart: resources/translations/ko/<area>.ts
#   training  cnnstudio/ui/training, cnnstudio/ui/experiments
#   teaching  cnnstudio/ui/lessons, cnnstudio/ui/exercises, cnnstudio/ui/compare
#   app       the rest of cnnstudio/ui and cnnstudio/app.py
# Run by `make translations`; tests/test_translations.py checks the result is current.
set -eu
BIN=${BIN:-.venv/bin}
cd "$(dirname "$0")/.."
TS=resources/translations/ko

# the core's words (block types, settings, presets) as a module lupdate can read
"$BIN/python" -c 'from cnnstudio.ui.terms import write_core_texts; write_core_texts()'

update() {  # update AREA FILE...
    area=$1
    shift
    "$BIN/pyside6-lupdate" -silent -no-obsolete -locations none -target-language ko_KR "$@" -ts "$TS/$area.ts"
}

update training $(find cnnstudio/ui/training cnnstudio/ui/experiments -name '*.py' | sort)
update teaching $(find cnnstudio/ui/lessons cnnstudio/ui/exercises cnnstudio/ui/compare -name '*.py' | sort)
update app cnnstudio/app.py $(find cnnstudio/ui -name '*.py' \
    -not -path 'cnnstudio/ui/training/*' -not -path 'cnnstudio/ui/experiments/*' \
    -not -path 'cnnstudio/ui/lessons/*' -not -path 'cnnstudio/ui/exercises/*' \
    -not -path 'cnnstudio/ui/compare/*' | sort)
"$BIN/pyside6-lrelease" -silent "$TS"/*.ts -qm resources/translations/cnnstudio_ko.qm
