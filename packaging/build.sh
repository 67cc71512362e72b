#!/usr/bin/env bash
# Builds CNN Studio as a one-folder desktop app with PyInstaller, then smoke-tests it headless:
# a screenshot of the window, the check against PyTorch, one epoch of training, an ONNX export
# of the trained checkpoint read back, and the code export. Prints the bundle's size and time.
#
#   packaging/build.sh                 # -> build/package/dist/cnnstudio/
#   TORCH=torch==2.13.0 PYTHON=python3.11 BUILD_DIR=/tmp/cnn packaging/build.sh
#
# The bundle holds the torch of the build environment; this script installs torch's CPU build
# (pinned as in the Makefile) into its own virtual environment, so no CUDA libraries come along.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD_DIR:-$root/build/package}
python=${PYTHON:-python3}
torch_spec=${TORCH:-torch==2.13.0}
venv=$build/venv
started=$(date +%s)

mkdir -p "$build"
test -x "$venv/bin/python" || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "$torch_spec"
"$venv/bin/python" -m pip install -q "$root[onnx]" "pyinstaller>=6.10"
if "$venv/bin/python" -c "import torch, sys; sys.exit(torch.version.cuda is None)"; then
  echo "warning: this torch is a CUDA build; the bundle will be several GB (install the CPU build)" >&2
fi

"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$build/dist" --workpath "$build/work" "$here/cnnstudio.spec"
app=$build/dist/cnnstudio/cnnstudio
built=$(date +%s)

echo "smoke test: the bundle, headless"
smoke=$build/smoke
rm -rf "$smoke" && mkdir -p "$smoke"
QT_QPA_PLATFORM=offscreen "$app" resnet50 --screenshot "$smoke/window.png"
test -s "$smoke/window.png"
QT_QPA_PLATFORM=offscreen "$app" lenet5 --lang ko --lesson L02 --screenshot "$smoke/window-ko.png"
test -s "$smoke/window-ko.png"
"$app" --lang ko summary lenet5 | grep -q "파라미터"  # the command line's Korean, from cnnstudio.i18n
"$app" summary lenet5 --verify > "$smoke/summary.txt"
grep -q "verified against PyTorch" "$smoke/summary.txt"
"$app" train lenet5 --epochs 1 --checkpoint "$smoke/lenet5.pt" > "$smoke/train.json"
"$app" export "$smoke/lenet5.pt" -o "$smoke/lenet5.onnx"
"$app" summary "$smoke/lenet5.onnx" > /dev/null
"$app" export resnet18 --format pytorch -o "$smoke/resnet18.py"
"$app" export lenet5 --format train-script -o "$smoke/train.py"
grep -q "class ResNet18" "$smoke/resnet18.py"

size=$(du -sm "$build/dist/cnnstudio" | cut -f1)
echo "built $build/dist/cnnstudio: ${size} MB, in $((built - started)) s (smoke test $(( $(date +%s) - built )) s)"
