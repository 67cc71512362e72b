#!/usr/bin/env bash
# Retake the README pictures on a real (virtual) X screen, 1600x1000, and shrink them.
#
#   docs/screenshots/take.sh        (from the repository root; needs ../shared/tools/screenshot.sh,
#                                    or SHOT_TOOL=/path/to/screenshot.sh)
#   ONLY="app-ko.png lesson-ko-app.png" docs/screenshots/take.sh    retakes only those
#
# Each picture starts CNN Studio with a fresh home folder, so no saved layout or start-page
# choice leaks in. pngquant (Debian package) makes the files small when it is installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
shot_tool=${SHOT_TOOL:-../shared/tools/screenshot.sh}  # or SHOT_TOOL=/path/to/screenshot.sh
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A student's mistake: conv2's kernel grown to 15x15, larger than its 14x14 input.
.venv/bin/python - "$work/mistake.cnnstudio.json" <<'PY'
import sys
import cnnstudio
net = cnnstudio.load("lenet5")
net.set_name("LeNet-5 with a mistake")
net.set_param(net.find("conv2").id, "kernel", 15)
cnnstudio.save(net, sys.argv[1])
PY

# A student's AlexNet with 256 filters in conv3 where AlexNet has 384, for the exercise checker.
.venv/bin/python - "$work/my-alexnet.cnnstudio.json" <<'PY'
import sys
import cnnstudio
from cnnstudio.teaching import load_exercise
net = load_exercise("resources/exercises/rebuild-alexnet-convs.cnnstudio-exercise.json").start_network()
last = net.nodes[-1].id
pool = {"kernel": 3, "stride": 2}
for type_id, name, params in [
    ("conv2d", "conv1", {"filters": 96, "kernel": 11, "stride": 4, "padding": "valid"}),
    ("relu", "relu1", {}), ("lrn", "norm1", {}), ("maxpool2d", "pool1", pool),
    ("conv2d", "conv2", {"filters": 256, "kernel": 5, "padding": "same"}),
    ("relu", "relu2", {}), ("lrn", "norm2", {}), ("maxpool2d", "pool2", pool),
    ("conv2d", "conv3", {"filters": 256, "kernel": 3, "padding": "same"}), ("relu", "relu3", {}),
]:
    last = net.add_node(type_id, params, name, [last]).id
net.set_name("My AlexNet")
cnnstudio.save(net, sys.argv[1])
PY

# shoot NAME [--at WxH] ARGS...: the window (1600x1000 unless --at) at the screen's top-left,
# cut to its size.
shoot() {
  local name=$1; shift
  if [[ -n ${ONLY:-} && " $ONLY " != *" $name "* ]]; then return; fi
  local size=1600x1000
  if [[ ${1:-} == --at ]]; then size=$2; shift 2; fi
  rm -rf "$work/home"
  HOME="$work/home" "$shot_tool" "$out/$name" 8 -- .venv/bin/cnnstudio "$@" --size "$size"
  if [[ $size != 1600x1000 ]]; then
    convert "$out/$name" -crop "$size+0+0" +repage "$out/$name"
  fi
  if command -v pngquant >/dev/null; then
    pngquant --force --skip-if-larger --quality 70-95 --output "$out/$name" "$out/$name" || true
  fi
}

shoot lenet5.png lenet5 --select conv2 --column macs
shoot resnet50.png resnet50 --select layer1.0.conv2 --column macs
shoot googlenet-inception.png googlenet --open-block inception_3a --select inception_3a.5x5 --column macs
shoot invalid-network.png "$work/mistake.cnnstudio.json" --select conv2 --column output_shape
shoot inception-naive.png inception-naive --open-block inception --select inception.5x5 --column macs
shoot inception-bottleneck.png inception-bottleneck --open-block inception --select inception.5x5 --column macs
shoot start-page.png --start-page
shoot compare-bottleneck.png conv5x5-bottleneck --compare bottleneck-5x5
shoot compare-vgg-resnet-googlenet.png vgg16 --compare vgg-resnet-googlenet
shoot lesson-en.png conv5x5-bottleneck --lesson L06
shoot app-ko.png lenet5 --lang ko
shoot lesson-ko.png resnet34 --lesson L03 --lesson-language ko --select layer1.0 --column output_shape
shoot exercise-hint.png "$work/my-alexnet.cnnstudio.json" \
  --exercise resources/exercises/rebuild-alexnet-convs.cnnstudio-exercise.json --select conv3 --column output_shape
# the window in Korean: a lesson beside its network, the exercise checker's hint
shoot lesson-ko-app.png conv5x5-naive --lang ko --lesson L06
shoot exercise-hint-ko.png "$work/my-alexnet.cnnstudio.json" --lang ko \
  --exercise resources/exercises/rebuild-alexnet-convs.cnnstudio-exercise.json --select conv3 --column output_shape
# long networks wrap into columns and open whole; a layer inside an opened block; a small window
shoot resnet152-fit.png resnet152
shoot opened-block-inner-layer.png resnet50 --open-block layer1.0 --select layer1.0.conv2 --column macs
shoot app-1280x720.png --at 1280x720 lenet5 --select conv2 --column macs
ls -l "$out"/*.png
