"""The core's words the user interface translates, for pyside6-lupdate to find.

Written by ``make translations`` from the core's block types and presets
(:func:`cnnstudio.ui.terms.core_texts_source`); do not edit. The interface translates
them with :mod:`cnnstudio.ui.terms`.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

BLOCK_WORDS = (
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Input",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "The image the network reads: channels (1 for gray, 3 for colour), height and width.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Channels",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1 for a gray image, 3 for a colour one.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Height",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Image height in pixels.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Width",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Image width in pixels.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Conv2d",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Convolution & pooling",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Slides learned filters over the image; each filter makes one output channel.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Filters",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Number of filters = output channels.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Kernel size",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Width and height of each filter.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Stride",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Pixels the filter moves at each step.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Padding",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "'same' keeps the size (at stride 1), 'valid' adds none.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Groups",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Split channels into independent groups (AlexNet's two GPUs).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Bias",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Add a learned constant to each output channel.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "MaxPool2d",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Keeps the largest value in each window: shrinks height and width, keeps channels.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Width and height of the pooling window.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Pixels the window moves at each step.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Pixels added on each side ('same' keeps the size at stride 1).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Ceil mode",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Round the output size up instead of down.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "AvgPool2d",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Averages each window: shrinks height and width, keeps channels (LeNet-5's subsampling).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "GlobalAvgPool",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Averages each whole channel to one number: H x W x C becomes a vector of C.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Flatten",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Fully connected",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Unrolls an H x W x C volume into one long vector for the fully connected layers.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Linear",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "A fully connected layer: every output unit is a weighted sum of every input.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Units",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Number of output units (neurons).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Add a learned constant to each unit.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "ReLU",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Activations",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "max(0, x): keeps positive values and zeroes the rest (AlexNet onwards).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Tanh",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Squashes each value into -1..1 (LeNet-5's activation).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Sigmoid",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Squashes each value into 0..1.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Softmax",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Turns the class scores into probabilities that add up to 1.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "BatchNorm2d",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Normalization & regularization",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Normalizes each channel over the batch, then scales and shifts it (ResNet).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "LocalResponseNorm",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Divides each value by the activity of neighbouring channels (AlexNet, GoogLeNet).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Size",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Number of neighbouring channels to look at.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Alpha",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Scale of the neighbours' squared sum.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Beta",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Exponent of the divisor.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "k",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Constant added to the divisor.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Dropout",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "While training, zeroes a random fraction of values so the network cannot rely on any one.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Drop probability",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Fraction of values zeroed while training.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Add",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Merge",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Adds tensors of equal shape element by element: the shortcut of a residual block.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Concat",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Stacks tensors along the channels: the outputs of an Inception module's branches.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Zero-pad shortcut",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Blocks",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Identity shortcut that subsamples by the stride and pads new channels with zeros.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Output channels.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Subsampling step.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Residual block",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Two or three convolutions whose input is added back to their output by a shortcut (ResNet).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Variant",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "basic: two 3x3 convs; bottleneck: 1x1, 3x3, 1x1 (4x wider output).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "basic",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "bottleneck",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Filters in the 3x3 conv; a bottleneck block outputs 4 times as many.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "2 halves height and width at the start of a stage.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Stride on",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Bottleneck only: stride on the 3x3 (torchvision, v1.5) or the first 1x1 (the paper).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "3x3",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1x1",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Batch norm",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Batch normalization after every convolution.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Shortcut",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "auto: identity when shapes match, else a 1x1 projection; zero-pad: the paper's parameter-free option A; none: a plain block.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "auto",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "projection",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "zero-pad",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "none",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Inception module",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Runs 1x1, 3x3 and 5x5 convolutions and a max pool side by side and stacks their outputs (GoogLeNet).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "#1x1",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Filters of the 1x1 branch (0: no such branch).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "#3x3 reduce",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1x1 filters before the 3x3 conv (the bottleneck).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "#3x3",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Filters of the 3x3 branch.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "#5x5 reduce",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1x1 filters before the 5x5 conv (the bottleneck).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "#5x5",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Filters of the 5x5 branch.",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Pool proj",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1x1 filters after the 3x3 max pool (0: pass the pool's output as it is).",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "1x1 reductions",
    ),
    QT_TRANSLATE_NOOP(
        "BlockTypes",
        "Off: the naive module, 3x3 and 5x5 convs read all input channels.",
    ),
)
PRESET_WORDS = (
    QT_TRANSLATE_NOOP(
        "Presets",
        "Classic networks",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "ResNets",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "1x1 convolutions",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Inception",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "LeCun 1998: two conv-pool stages and three fully connected layers read 32x32 digits.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Krizhevsky 2012 as in the lecture: five convs with ReLU, LRN and overlapping max pools, on one GPU.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The paper's version: conv2, conv4 and conv5 split into two groups, one per GPU.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Simonyan 2015: only 3x3 same convs and 2x2 max pools, channels doubling each stage.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "VGG-16's bigger sibling: four convs in each of the last three stages.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "He 2015 (torchvision): eight basic residual blocks in four stages.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Sixteen basic residual blocks; the paper's 34-layer residual network.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Sixteen bottleneck blocks (1x1, 3x3, 1x1) in four stages.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Thirty-three bottleneck blocks; stage 4 has twenty-three.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Fifty bottleneck blocks: the lecture's 152-layer network.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "ResNet-18 without its shortcuts: the paper's plain network.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "ResNet-34 without its shortcuts: deeper, yet harder to train.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The paper's 32x32 network: 3 stages of 3 basic blocks, 16/32/64 filters.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "The same design with 9 blocks per stage.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "ResNet-20 without shortcuts, to train side by side with it.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "56 plain layers: the paper's example of deeper doing worse.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "28x28x192 to 28x28x32 with 1x1 filters: shrinking channels, not space.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "28x28x192 to 28x28x32 with a 5x5 same conv: about 120 million multiplies.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "A 1x1 conv to 16 channels first cuts the cost to about 12.4 million.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "1x1, 3x3, 5x5 convs and a max pool side by side: 28x28x256 out.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "GoogLeNet's inception (3a): 1x1 reductions before the 3x3 and 5x5 convs.",
    ),
    QT_TRANSLATE_NOOP(
        "Presets",
        "Szegedy 2014, Table 1: nine inception modules, average pooling, one classifier.",
    ),
)
