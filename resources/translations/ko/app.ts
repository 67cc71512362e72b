<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Autosave</name>
    <message>
        <source>Could not autosave: {why}</source>
        <translation>자동 저장하지 못했습니다: {why}</translation>
    </message>
</context>
<context>
    <name>BlockBar</name>
    <message>
        <source>← Back</source>
        <translation>← 뒤로</translation>
    </message>
    <message>
        <source>Back to the whole network (Esc)</source>
        <translation>전체 네트워크로 돌아갑니다 (Esc)</translation>
    </message>
</context>
<context>
    <name>BlockScene</name>
    <message>
        <source>The opened block is read-only; press Esc or Back to return to the network</source>
        <translation>열린 블록은 읽기 전용입니다. Esc나 뒤로를 눌러 네트워크로 돌아가세요</translation>
    </message>
    <message>
        <source>{layer} is a single layer, not a block with layers inside</source>
        <translation>{layer}은(는) 층 하나이며, 안에 층을 가진 블록이 아닙니다</translation>
    </message>
    <message>
        <source>{layer} has no input shape yet; connect it so its layers can be worked out</source>
        <translation>{layer}에는 아직 입력 형태가 없습니다. 연결해야 안의 층을 계산할 수 있습니다</translation>
    </message>
    <message>
        <source>from {layer}</source>
        <translation>{layer}에서</translation>
    </message>
    <message>
        <source>the block&apos;s output</source>
        <translation>블록의 출력</translation>
    </message>
    <message>
        <source>in</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>out</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>block input</source>
        <translation>블록 입력</translation>
    </message>
    <message>
        <source>block output</source>
        <translation>블록 출력</translation>
    </message>
    <message>
        <source>The tensor entering the block.</source>
        <translation>블록으로 들어오는 텐서입니다.</translation>
    </message>
    <message>
        <source>The tensor leaving the block.</source>
        <translation>블록에서 나가는 텐서입니다.</translation>
    </message>
</context>
<context>
    <name>BlockTypes</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>The image the network reads: channels (1 for gray, 3 for colour), height and width.</source>
        <translation>네트워크가 읽는 이미지: 채널(흑백은 1, 컬러는 3), 높이, 너비.</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>1 for a gray image, 3 for a colour one.</source>
        <translation>흑백 이미지는 1, 컬러 이미지는 3.</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>Image height in pixels.</source>
        <translation>이미지의 높이(픽셀).</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Image width in pixels.</source>
        <translation>이미지의 너비(픽셀).</translation>
    </message>
    <message>
        <source>Conv2d</source>
        <translation>Conv2d</translation>
    </message>
    <message>
        <source>Convolution &amp; pooling</source>
        <translation>합성곱과 풀링</translation>
    </message>
    <message>
        <source>Slides learned filters over the image; each filter makes one output channel.</source>
        <translation>학습된 필터를 이미지 위로 밀며 계산합니다. 필터 하나가 출력 채널 하나를 만듭니다.</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>Number of filters = output channels.</source>
        <translation>필터 수 = 출력 채널 수.</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>커널 크기</translation>
    </message>
    <message>
        <source>Width and height of each filter.</source>
        <translation>필터 하나의 너비와 높이.</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Pixels the filter moves at each step.</source>
        <translation>필터가 한 번에 움직이는 픽셀 수.</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>&apos;same&apos; keeps the size (at stride 1), &apos;valid&apos; adds none.</source>
        <translation>&apos;same&apos;은 (스트라이드 1에서) 크기를 유지하고, &apos;valid&apos;는 패딩을 넣지 않습니다.</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Split channels into independent groups (AlexNet&apos;s two GPUs).</source>
        <translation>채널을 서로 독립된 그룹으로 나눕니다 (AlexNet의 GPU 2개).</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Add a learned constant to each output channel.</source>
        <translation>출력 채널마다 학습되는 상수를 더합니다.</translation>
    </message>
    <message>
        <source>MaxPool2d</source>
        <translation>MaxPool2d</translation>
    </message>
    <message>
        <source>Keeps the largest value in each window: shrinks height and width, keeps channels.</source>
        <translation>창마다 가장 큰 값을 남깁니다. 높이와 너비는 줄고 채널은 그대로입니다.</translation>
    </message>
    <message>
        <source>Width and height of the pooling window.</source>
        <translation>풀링 창의 너비와 높이.</translation>
    </message>
    <message>
        <source>Pixels the window moves at each step.</source>
        <translation>창이 한 번에 움직이는 픽셀 수.</translation>
    </message>
    <message>
        <source>Pixels added on each side (&apos;same&apos; keeps the size at stride 1).</source>
        <translation>각 변에 덧붙이는 픽셀 수 (&apos;same&apos;은 스트라이드 1에서 크기를 유지).</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>올림 모드</translation>
    </message>
    <message>
        <source>Round the output size up instead of down.</source>
        <translation>출력 크기를 내림 대신 올림으로 계산합니다.</translation>
    </message>
    <message>
        <source>AvgPool2d</source>
        <translation>AvgPool2d</translation>
    </message>
    <message>
        <source>Averages each window: shrinks height and width, keeps channels (LeNet-5&apos;s subsampling).</source>
        <translation>창마다 평균을 냅니다. 높이와 너비는 줄고 채널은 그대로입니다 (LeNet-5의 서브샘플링).</translation>
    </message>
    <message>
        <source>GlobalAvgPool</source>
        <translation>GlobalAvgPool</translation>
    </message>
    <message>
        <source>Averages each whole channel to one number: H x W x C becomes a vector of C.</source>
        <translation>채널 전체를 평균 내어 숫자 하나로 만듭니다. H x W x C가 길이 C의 벡터가 됩니다.</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Fully connected</source>
        <translation>완전 연결</translation>
    </message>
    <message>
        <source>Unrolls an H x W x C volume into one long vector for the fully connected layers.</source>
        <translation>H x W x C 볼륨을 완전 연결 층을 위해 긴 벡터 하나로 펼칩니다.</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>A fully connected layer: every output unit is a weighted sum of every input.</source>
        <translation>완전 연결 층: 출력 유닛마다 모든 입력의 가중합입니다.</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Number of output units (neurons).</source>
        <translation>출력 유닛(뉴런)의 수.</translation>
    </message>
    <message>
        <source>Add a learned constant to each unit.</source>
        <translation>유닛마다 학습되는 상수를 더합니다.</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>max(0, x): keeps positive values and zeroes the rest (AlexNet onwards).</source>
        <translation>max(0, x): 양수는 그대로 두고 나머지는 0으로 만듭니다 (AlexNet부터).</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Squashes each value into -1..1 (LeNet-5&apos;s activation).</source>
        <translation>값을 -1..1 사이로 눌러 담습니다 (LeNet-5의 활성화 함수).</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Squashes each value into 0..1.</source>
        <translation>값을 0..1 사이로 눌러 담습니다.</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Turns the class scores into probabilities that add up to 1.</source>
        <translation>클래스 점수를 합이 1인 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>BatchNorm2d</source>
        <translation>BatchNorm2d</translation>
    </message>
    <message>
        <source>Normalization &amp; regularization</source>
        <translation>정규화와 규제</translation>
    </message>
    <message>
        <source>Normalizes each channel over the batch, then scales and shifts it (ResNet).</source>
        <translation>채널마다 배치 전체에 걸쳐 정규화한 뒤 배율을 곱하고 이동합니다 (ResNet).</translation>
    </message>
    <message>
        <source>LocalResponseNorm</source>
        <translation>LocalResponseNorm</translation>
    </message>
    <message>
        <source>Divides each value by the activity of neighbouring channels (AlexNet, GoogLeNet).</source>
        <translation>각 값을 이웃 채널들의 활동량으로 나눕니다 (AlexNet, GoogLeNet).</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Number of neighbouring channels to look at.</source>
        <translation>살펴볼 이웃 채널의 수.</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>알파 (α)</translation>
    </message>
    <message>
        <source>Scale of the neighbours&apos; squared sum.</source>
        <translation>이웃 값 제곱합에 곱하는 배율.</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>베타 (β)</translation>
    </message>
    <message>
        <source>Exponent of the divisor.</source>
        <translation>나누는 수의 지수.</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Constant added to the divisor.</source>
        <translation>나누는 수에 더하는 상수.</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>While training, zeroes a random fraction of values so the network cannot rely on any one.</source>
        <translation>학습하는 동안 값의 일부를 무작위로 0으로 만들어, 네트워크가 어느 한 값에 기대지 못하게 합니다.</translation>
    </message>
    <message>
        <source>Drop probability</source>
        <translation>드롭 확률</translation>
    </message>
    <message>
        <source>Fraction of values zeroed while training.</source>
        <translation>학습 중 0으로 만드는 값의 비율.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>합치기</translation>
    </message>
    <message>
        <source>Adds tensors of equal shape element by element: the shortcut of a residual block.</source>
        <translation>형태가 같은 텐서를 원소별로 더합니다. 잔차 블록의 지름길 연결입니다.</translation>
    </message>
    <message>
        <source>Concat</source>
        <translation>Concat</translation>
    </message>
    <message>
        <source>Stacks tensors along the channels: the outputs of an Inception module&apos;s branches.</source>
        <translation>텐서를 채널 방향으로 쌓습니다. 인셉션 모듈의 갈래 출력들입니다.</translation>
    </message>
    <message>
        <source>Zero-pad shortcut</source>
        <translation>제로 패딩 지름길 연결</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Identity shortcut that subsamples by the stride and pads new channels with zeros.</source>
        <translation>스트라이드만큼 서브샘플링하고 새 채널은 0으로 채우는 항등 지름길 연결입니다.</translation>
    </message>
    <message>
        <source>Output channels.</source>
        <translation>출력 채널 수.</translation>
    </message>
    <message>
        <source>Subsampling step.</source>
        <translation>서브샘플링 간격.</translation>
    </message>
    <message>
        <source>Residual block</source>
        <translation>잔차 블록</translation>
    </message>
    <message>
        <source>Two or three convolutions whose input is added back to their output by a shortcut (ResNet).</source>
        <translation>합성곱 두세 개로, 지름길 연결이 입력을 출력에 다시 더합니다 (ResNet).</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>basic: two 3x3 convs; bottleneck: 1x1, 3x3, 1x1 (4x wider output).</source>
        <translation>기본: 3x3 합성곱 두 개. 병목: 1x1, 3x3, 1x1 (출력이 4배 넓음).</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>병목</translation>
    </message>
    <message>
        <source>Filters in the 3x3 conv; a bottleneck block outputs 4 times as many.</source>
        <translation>3x3 합성곱의 필터 수. 병목 블록은 그 4배를 출력합니다.</translation>
    </message>
    <message>
        <source>2 halves height and width at the start of a stage.</source>
        <translation>2이면 단계가 시작할 때 높이와 너비가 절반이 됩니다.</translation>
    </message>
    <message>
        <source>Stride on</source>
        <translation>스트라이드 위치</translation>
    </message>
    <message>
        <source>Bottleneck only: stride on the 3x3 (torchvision, v1.5) or the first 1x1 (the paper).</source>
        <translation>병목 블록에만 해당: 스트라이드를 3x3에 둘지(torchvision, v1.5) 첫 1x1에 둘지(논문).</translation>
    </message>
    <message>
        <source>3x3</source>
        <translation>3x3</translation>
    </message>
    <message>
        <source>1x1</source>
        <translation>1x1</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Batch normalization after every convolution.</source>
        <translation>합성곱마다 뒤에 배치 정규화를 둡니다.</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>지름길 연결</translation>
    </message>
    <message>
        <source>auto: identity when shapes match, else a 1x1 projection; zero-pad: the paper&apos;s parameter-free option A; none: a plain block.</source>
        <translation>자동: 형태가 같으면 항등, 다르면 1x1 사영. 제로 패딩: 파라미터가 없는 논문의 옵션 A. 없음: 평범한 블록.</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>projection</source>
        <translation>사영</translation>
    </message>
    <message>
        <source>zero-pad</source>
        <translation>제로 패딩</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Inception module</source>
        <translation>인셉션 모듈</translation>
    </message>
    <message>
        <source>Runs 1x1, 3x3 and 5x5 convolutions and a max pool side by side and stacks their outputs (GoogLeNet).</source>
        <translation>1x1, 3x3, 5x5 합성곱과 최대 풀링을 나란히 계산하고 출력을 쌓습니다 (GoogLeNet).</translation>
    </message>
    <message>
        <source>#1x1</source>
        <translation>#1x1</translation>
    </message>
    <message>
        <source>Filters of the 1x1 branch (0: no such branch).</source>
        <translation>1x1 갈래의 필터 수 (0이면 이 갈래가 없음).</translation>
    </message>
    <message>
        <source>#3x3 reduce</source>
        <translation>#3x3 축소</translation>
    </message>
    <message>
        <source>1x1 filters before the 3x3 conv (the bottleneck).</source>
        <translation>3x3 합성곱 앞의 1x1 필터 수 (병목).</translation>
    </message>
    <message>
        <source>#3x3</source>
        <translation>#3x3</translation>
    </message>
    <message>
        <source>Filters of the 3x3 branch.</source>
        <translation>3x3 갈래의 필터 수.</translation>
    </message>
    <message>
        <source>#5x5 reduce</source>
        <translation>#5x5 축소</translation>
    </message>
    <message>
        <source>1x1 filters before the 5x5 conv (the bottleneck).</source>
        <translation>5x5 합성곱 앞의 1x1 필터 수 (병목).</translation>
    </message>
    <message>
        <source>#5x5</source>
        <translation>#5x5</translation>
    </message>
    <message>
        <source>Filters of the 5x5 branch.</source>
        <translation>5x5 갈래의 필터 수.</translation>
    </message>
    <message>
        <source>Pool proj</source>
        <translation>풀링 사영</translation>
    </message>
    <message>
        <source>1x1 filters after the 3x3 max pool (0: pass the pool&apos;s output as it is).</source>
        <translation>3x3 최대 풀링 뒤의 1x1 필터 수 (0이면 풀링 출력을 그대로 넘김).</translation>
    </message>
    <message>
        <source>1x1 reductions</source>
        <translation>1x1 축소</translation>
    </message>
    <message>
        <source>Off: the naive module, 3x3 and 5x5 convs read all input channels.</source>
        <translation>끄면 단순형 모듈: 3x3과 5x5 합성곱이 입력 채널을 모두 읽습니다.</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Locked while training</source>
        <translation>학습 중에는 잠겨 있음</translation>
    </message>
</context>
<context>
    <name>CanvasActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the selected layers</source>
        <translation>선택한 층을 잘라냅니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected layers</source>
        <translation>선택한 층을 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste layers</source>
        <translation>층을 붙여넣습니다</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>복제(&amp;I)</translation>
    </message>
    <message>
        <source>Duplicate the selected layers</source>
        <translation>선택한 층을 복제합니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected layers and connections</source>
        <translation>선택한 층과 연결을 삭제합니다</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>Select every layer</source>
        <translation>모든 층을 선택합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대합니다</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소합니다</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>다이어그램 전체를 보여 줍니다</translation>
    </message>
    <message>
        <source>Auto La&amp;yout</source>
        <translation>자동 배치(&amp;Y)</translation>
    </message>
    <message>
        <source>Arrange the layers top to bottom, a long network in columns side by side</source>
        <translation>층을 위에서 아래로 배치합니다. 긴 네트워크는 여러 열로 나란히 놓습니다</translation>
    </message>
    <message>
        <source>The clipboard holds no layers to paste</source>
        <translation>클립보드에 붙여넣을 층이 없습니다</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>there is no layer &apos;{layer}&apos;</source>
        <translation>&apos;{layer}&apos;라는 층이 없습니다</translation>
    </message>
    <message>
        <source>{network}  ›  {block}   (read-only)</source>
        <translation>{network}  ›  {block}   (읽기 전용)</translation>
    </message>
    <message>
        <source>← Back to the network</source>
        <translation>← 네트워크로 돌아가기</translation>
    </message>
    <message>
        <source>Open Block</source>
        <translation>블록 열기</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>it holds {count} characters, more than any network file</source>
        <translation>글자가 {count}개로, 어떤 네트워크 파일보다도 깁니다</translation>
    </message>
    <message>
        <source>The clipboard holds no layers CNN Studio can paste ({why})</source>
        <translation>클립보드에 CNN Studio가 붙여넣을 수 있는 층이 없습니다 ({why})</translation>
    </message>
    <message>
        <source>The network already has an Input; a network reads one image</source>
        <translation>네트워크에 이미 입력이 있습니다. 네트워크는 이미지 하나를 읽습니다</translation>
    </message>
    <message>
        <source>Pasted all but the Input: the network already has one</source>
        <translation>입력을 뺀 나머지를 붙여넣었습니다. 네트워크에 이미 입력이 있습니다</translation>
    </message>
    <message>
        <source>Paste {layer}</source>
        <translation>{layer} 붙여넣기</translation>
    </message>
    <message>
        <source>Paste {count} layers</source>
        <translation>층 {count}개 붙여넣기</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>The network is locked while it trains; stop the training to edit it</source>
        <translation>학습 중에는 네트워크가 잠겨 있습니다. 고치려면 학습을 멈추세요</translation>
    </message>
    <message>
        <source>Add {block}</source>
        <translation>{block} 추가</translation>
    </message>
    <message>
        <source>Insert {block}</source>
        <translation>{block} 끼워 넣기</translation>
    </message>
    <message>
        <source>Delete {layer}</source>
        <translation>{layer} 삭제</translation>
    </message>
    <message>
        <source>Connect {source} to {target}</source>
        <translation>{source}을(를) {target}에 연결</translation>
    </message>
    <message>
        <source>Disconnect {source} from {target}</source>
        <translation>{source}와(과) {target}의 연결 끊기</translation>
    </message>
    <message>
        <source>Set {layer}: {setting}</source>
        <translation>{layer} 설정: {setting}</translation>
    </message>
    <message>
        <source>Rename {layer} to {name}</source>
        <translation>{layer}의 이름을 {name}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Move {layer}</source>
        <translation>{layer} 옮기기</translation>
    </message>
    <message>
        <source>Rename the network</source>
        <translation>네트워크 이름 바꾸기</translation>
    </message>
    <message>
        <source>a network needs a name</source>
        <translation>네트워크에는 이름이 있어야 합니다</translation>
    </message>
</context>
<context>
    <name>DiagramExport</name>
    <message>
        <source>could not write the picture to {file}</source>
        <translation>그림을 {file}에 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>could not write the drawing to {file}</source>
        <translation>SVG 그림을 {file}에 쓰지 못했습니다</translation>
    </message>
</context>
<context>
    <name>DiagramScene</name>
    <message>
        <source>Cannot add that here: {why}</source>
        <translation>여기에는 추가할 수 없습니다: {why}</translation>
    </message>
    <message>
        <source>{layer} follows {previous}: it was dropped just below it</source>
        <translation>{layer}은(는) {previous} 다음에 옵니다. 바로 아래에 놓였습니다</translation>
    </message>
</context>
<context>
    <name>DisplayToggles</name>
    <message>
        <source>H × W × C</source>
        <translation>H × W × C</translation>
    </message>
    <message>
        <source>Shapes as height × width × channels (the lecture&apos;s notation)</source>
        <translation>형태를 높이 × 너비 × 채널로 씁니다 (강의의 표기)</translation>
    </message>
    <message>
        <source>C × H × W</source>
        <translation>C × H × W</translation>
    </message>
    <message>
        <source>Shapes as channels × height × width (PyTorch&apos;s notation)</source>
        <translation>형태를 채널 × 높이 × 너비로 씁니다 (PyTorch의 표기)</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Count multiply-accumulates (one multiply and one add)</source>
        <translation>곱셈-누산(곱셈 한 번과 덧셈 한 번)을 셉니다</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Count floating-point operations (2 per multiply-accumulate)</source>
        <translation>부동소수점 연산을 셉니다 (곱셈-누산 하나에 2개)</translation>
    </message>
</context>
<context>
    <name>DragData</name>
    <message>
        <source>the dragged data is not text</source>
        <translation>끌어온 데이터가 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;{block}&apos; is not a block of the palette</source>
        <translation>&apos;{block}&apos;은(는) 팔레트에 있는 블록이 아닙니다</translation>
    </message>
    <message>
        <source>the settings given with &apos;{block}&apos; are not valid JSON</source>
        <translation>&apos;{block}&apos;과(와) 함께 온 설정이 올바른 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>the settings given with &apos;{block}&apos; must be a JSON object</source>
        <translation>&apos;{block}&apos;과(와) 함께 온 설정은 JSON 객체여야 합니다</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Insert {block}</source>
        <translation>{block} 끼워 넣기</translation>
    </message>
    <message>
        <source>Delete {layer}</source>
        <translation>{layer} 삭제</translation>
    </message>
    <message>
        <source>Delete {count} layers</source>
        <translation>층 {count}개 삭제</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <source>Delete {count} connections</source>
        <translation>연결 {count}개 삭제</translation>
    </message>
    <message>
        <source>Move {layer}</source>
        <translation>{layer} 옮기기</translation>
    </message>
    <message>
        <source>Move {count} layers</source>
        <translation>층 {count}개 옮기기</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>자동 배치</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Diagram as PNG image…</source>
        <translation>다이어그램을 PNG 이미지로…</translation>
    </message>
    <message>
        <source>Export the diagram as a PNG image</source>
        <translation>다이어그램을 PNG 이미지로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Diagram as SVG drawing…</source>
        <translation>다이어그램을 SVG 그림으로…</translation>
    </message>
    <message>
        <source>Export the diagram as an SVG drawing</source>
        <translation>다이어그램을 SVG 그림으로 내보내기</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>표를 CSV로…</translation>
    </message>
    <message>
        <source>Export the table as CSV</source>
        <translation>표를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Table as Markdown…</source>
        <translation>표를 Markdown으로…</translation>
    </message>
    <message>
        <source>Export the table as Markdown</source>
        <translation>표를 Markdown으로 내보내기</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>{file} could not be written:

{why}</source>
        <translation>{file}에 쓰지 못했습니다:

{why}</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>{file}(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>The network is training; stop the training before opening another one</source>
        <translation>네트워크가 학습 중입니다. 다른 네트워크를 열기 전에 학습을 멈추세요</translation>
    </message>
    <message>
        <source>CNN Studio networks (*.cnnstudio.json);;JSON files (*.json);;All files (*)</source>
        <translation>CNN Studio 네트워크 (*.cnnstudio.json);;JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Networks and ONNX models (*.cnnstudio.json *.onnx);;CNN Studio networks (*.cnnstudio.json);;ONNX models (*.onnx);;JSON files (*.json);;All files (*)</source>
        <translation>네트워크와 ONNX 모델 (*.cnnstudio.json *.onnx);;CNN Studio 네트워크 (*.cnnstudio.json);;ONNX 모델 (*.onnx);;JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Opened the preset {network}</source>
        <translation>프리셋 {network}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Open a network</source>
        <translation>네트워크 열기</translation>
    </message>
    <message>
        <source>Imported {file}</source>
        <translation>{file}을(를) 가져왔습니다</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>{file}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>파일을 열 수 없습니다</translation>
    </message>
    <message>
        <source>{file} could not be opened, so the network you have open stays as it is.

{why}</source>
        <translation>{file}을(를) 열지 못했습니다. 지금 열려 있는 네트워크는 그대로입니다.

{why}</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>네트워크 저장</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <source>{file} could not be written:

{why}</source>
        <translation>{file}에 쓰지 못했습니다:

{why}</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file}에 저장했습니다</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>{network} has changes that are not saved.
Save them before going on?</source>
        <translation>{network}에 저장하지 않은 변경 사항이 있습니다.
계속하기 전에 저장할까요?</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>저장하지 않은 작업을 복구할까요?</translation>
    </message>
    <message>
        <source>Recovered unsaved work; save it to keep it</source>
        <translation>저장하지 않은 작업을 복구했습니다. 남기려면 저장하세요</translation>
    </message>
    <message>
        <source>Recover unsaved work from {time}?

CNN Studio closed before the changes to {file} were saved.</source>
        <translation>{time}의 저장하지 않은 작업을 복구할까요?

{file}의 변경 사항을 저장하기 전에 CNN Studio가 닫혔습니다.</translation>
    </message>
    <message>
        <source>Recover unsaved work from {time}?

CNN Studio closed before the new network {network} was saved to a file.</source>
        <translation>{time}의 저장하지 않은 작업을 복구할까요?

새 네트워크 {network}을(를) 파일에 저장하기 전에 CNN Studio가 닫혔습니다.</translation>
    </message>
    <message>
        <source>{count} recovery files could not be read; they were set aside in {folder}</source>
        <translation>복구 파일 {count}개를 읽지 못해 {folder}에 따로 옮겨 두었습니다</translation>
    </message>
</context>
<context>
    <name>FormulaPanel</name>
    <message>
        <source>The shortcut, added before the last ReLU</source>
        <translation>마지막 ReLU 전에 더해지는 지름길 연결</translation>
    </message>
    <message>
        <source>Its shape and costs cannot be worked out until this problem is fixed.</source>
        <translation>이 문제를 고치기 전에는 형태와 비용을 계산할 수 없습니다.</translation>
    </message>
    <message>
        <source>Its shape and costs cannot be worked out until the problem in an earlier layer is fixed.</source>
        <translation>앞선 층의 문제를 고치기 전에는 형태와 비용을 계산할 수 없습니다.</translation>
    </message>
    <message>
        <source>⚠ Problem:</source>
        <translation>⚠ 문제:</translation>
    </message>
    <message>
        <source>Click a number in the table to see the arithmetic behind it.</source>
        <translation>표의 숫자를 클릭하면 그 숫자가 나온 계산을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>This network has 1 problem:</source>
        <translation>이 네트워크에는 문제가 1개 있습니다:</translation>
    </message>
    <message>
        <source>This network has {count} problems:</source>
        <translation>이 네트워크에는 문제가 {count}개 있습니다:</translation>
    </message>
    <message>
        <source>{count} layers</source>
        <translation>층 {count}개</translation>
    </message>
    <message>
        <source>{params} parameters  ·  {flops} FLOPs</source>
        <translation>파라미터 {params}개  ·  {flops} FLOPs</translation>
    </message>
    <message>
        <source>{params} parameters  ·  {macs} MACs</source>
        <translation>파라미터 {params}개  ·  {macs} MACs</translation>
    </message>
    <message>
        <source>Most work: {layer} does {share} % of the FLOPs ({count}).</source>
        <translation>가장 많은 연산: {layer}이(가) FLOPs의 {share} %를 차지합니다 ({count}).</translation>
    </message>
    <message>
        <source>Most work: {layer} does {share} % of the MACs ({count}).</source>
        <translation>가장 많은 연산: {layer}이(가) MACs의 {share} %를 차지합니다 ({count}).</translation>
    </message>
    <message>
        <source>Most weights: {layer} holds {share} % of the parameters ({count}).</source>
        <translation>가장 많은 가중치: {layer}이(가) 파라미터의 {share} %를 가집니다 ({count}).</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Mouse wheel</source>
        <translation>마우스 휠</translation>
    </message>
    <message>
        <source>Zoom in or out at the mouse</source>
        <translation>마우스 위치에서 확대·축소</translation>
    </message>
    <message>
        <source>Shift + wheel</source>
        <translation>Shift + 휠</translation>
    </message>
    <message>
        <source>Scroll up and down</source>
        <translation>위아래로 스크롤</translation>
    </message>
    <message>
        <source>Alt + wheel</source>
        <translation>Alt + 휠</translation>
    </message>
    <message>
        <source>Scroll sideways</source>
        <translation>옆으로 스크롤</translation>
    </message>
    <message>
        <source>Middle button drag, or Space + drag</source>
        <translation>가운데 버튼으로 끌기, 또는 Space + 끌기</translation>
    </message>
    <message>
        <source>Pan the canvas</source>
        <translation>캔버스 이동</translation>
    </message>
    <message>
        <source>Drag a block from the palette</source>
        <translation>팔레트에서 블록 끌어오기</translation>
    </message>
    <message>
        <source>Add it where you drop it; onto a connection, insert it there</source>
        <translation>놓은 자리에 추가합니다. 연결 위에 놓으면 그 사이에 끼워 넣습니다</translation>
    </message>
    <message>
        <source>Double-click a block in the palette</source>
        <translation>팔레트의 블록을 두 번 클릭</translation>
    </message>
    <message>
        <source>Add it after the selected layer</source>
        <translation>선택한 층 뒤에 추가</translation>
    </message>
    <message>
        <source>Drag from a port to another layer</source>
        <translation>포트에서 다른 층으로 끌기</translation>
    </message>
    <message>
        <source>Connect the two layers</source>
        <translation>두 층을 연결</translation>
    </message>
    <message>
        <source>Click, Ctrl+click, drag a rectangle</source>
        <translation>클릭, Ctrl+클릭, 사각형으로 끌기</translation>
    </message>
    <message>
        <source>Select layers</source>
        <translation>층 선택</translation>
    </message>
    <message>
        <source>Double-click a residual block or an Inception module</source>
        <translation>잔차 블록이나 인셉션 모듈을 두 번 클릭</translation>
    </message>
    <message>
        <source>See the layers inside (Esc returns)</source>
        <translation>안의 층 보기 (Esc로 돌아옴)</translation>
    </message>
    <message>
        <source>Click a column&apos;s title in the table</source>
        <translation>표의 열 제목 클릭</translation>
    </message>
    <message>
        <source>Sort the layers by it; a third click restores the order</source>
        <translation>그 열로 층을 정렬합니다. 세 번째 클릭하면 원래 순서로 돌아갑니다</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the selected block</source>
        <translation>선택한 블록 열기</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Cancel a drag, or go back from an opened block</source>
        <translation>끌기를 취소하거나, 열린 블록에서 돌아가기</translation>
    </message>
    <message>
        <source>What the table counts</source>
        <translation>표가 세는 것</translation>
    </message>
    <message>
        <source>Every number is per image (a batch of one), and each cell shows the arithmetic behind it in the formula panel when you click it.</source>
        <translation>모든 숫자는 이미지 한 장(배치 크기 1) 기준이며, 칸을 클릭하면 그 계산 과정이 수식 패널에 나옵니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output shape&lt;/b&gt;: the tensor a layer hands on, in height × width × channels (the lecture&apos;s notation) or channels × height × width (PyTorch&apos;s); switch under View.</source>
        <translation>&lt;b&gt;출력 형태&lt;/b&gt;: 층이 다음으로 넘기는 텐서로, 높이 × 너비 × 채널(강의의 표기) 또는 채널 × 높이 × 너비(PyTorch의 표기)로 씁니다. 보기 메뉴에서 바꿉니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Params&lt;/b&gt;: the learned numbers. A convolution has k × k × input channels weights per filter plus one bias per filter; a fully connected layer inputs × units weights plus one bias per unit; batch norm a scale and a shift per channel.</source>
        <translation>&lt;b&gt;파라미터&lt;/b&gt;: 학습되는 숫자들입니다. 합성곱은 필터마다 k × k × 입력 채널 개의 가중치와 편향 하나, 완전 연결 층은 입력 × 유닛 개의 가중치와 유닛마다 편향 하나, 배치 정규화는 채널마다 배율과 이동값 하나씩을 가집니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;MACs&lt;/b&gt;: the multiply-accumulates of convolutions and fully connected layers, bias excluded, the convention of torchvision&apos;s published figures and of the ResNet and GoogLeNet papers. &lt;b&gt;FLOPs&lt;/b&gt; = 2 × MACs (one multiply and one add).</source>
        <translation>&lt;b&gt;MACs&lt;/b&gt;: 합성곱과 완전 연결 층의 곱셈-누산으로, 편향은 뺍니다. torchvision이 발표한 수치와 ResNet, GoogLeNet 논문의 관례입니다. &lt;b&gt;FLOPs&lt;/b&gt; = 2 × MACs (곱셈 한 번과 덧셈 한 번).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Other ops&lt;/b&gt;: the work that is not a multiply-accumulate, per output value: 1 per bias add, activation and extra input of an Add; 3 for softmax; 2 for batch norm; k × k per pooling window; size + 2 for local response normalization; none for dropout, flatten and concat.</source>
        <translation>&lt;b&gt;기타 연산&lt;/b&gt;: 곱셈-누산이 아닌 연산으로, 출력 값 하나당 셉니다. 편향 덧셈, 활성화 함수, Add의 추가 입력은 각각 1, 소프트맥스는 3, 배치 정규화는 2, 풀링은 창마다 k × k, 국소 응답 정규화는 size + 2, 드롭아웃·평탄화·이어 붙이기는 0입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Activations&lt;/b&gt;: the values a layer outputs.</source>
        <translation>&lt;b&gt;활성값&lt;/b&gt;: 층이 출력하는 값의 개수입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Receptive field&lt;/b&gt;: how many input pixels across one output value sees (RF = RF before + (k − 1) × the stride so far); through branches, the largest.</source>
        <translation>&lt;b&gt;수용 영역&lt;/b&gt;: 출력 값 하나가 보는 입력 픽셀의 폭입니다 (RF = 이전 RF + (k − 1) × 지금까지의 스트라이드). 갈래가 있으면 가장 큰 값입니다.</translation>
    </message>
    <message>
        <source>Weight layers: the number in a network&apos;s name</source>
        <translation>가중치 층: 네트워크 이름에 붙은 숫자</translation>
    </message>
    <message>
        <source>Convolutions and fully connected layers are the weight layers. The number in VGG-16 or ResNet-152 is the most weight layers on one path from the input to the output (the inspector shows it when nothing is selected): LeNet-5 5, AlexNet 8, VGG-16 16, ResNet-152 152 (a projection shortcut runs beside the main path, not on it), GoogLeNet 22 (two per inception module). Counting every branch gives more: ResNet-152 156, GoogLeNet 58. Both differ from the number of blocks on the canvas (VGG-16 has 41, its ReLUs and pools among them).</source>
        <translation>합성곱과 완전 연결 층이 가중치 층입니다. VGG-16이나 ResNet-152의 숫자는 입력에서 출력까지 한 경로에 놓인 가중치 층의 최대 개수입니다(아무것도 선택하지 않으면 인스펙터에 나옵니다). LeNet-5는 5, AlexNet은 8, VGG-16은 16, ResNet-152는 152(사영 지름길 연결은 주 경로 위가 아니라 옆으로 지나갑니다), GoogLeNet은 22(인셉션 모듈마다 2)입니다. 모든 갈래를 세면 더 많아져서 ResNet-152는 156, GoogLeNet은 58입니다. 두 수 모두 캔버스의 블록 수와 다릅니다(VGG-16은 ReLU와 풀링까지 합쳐 41개).</translation>
    </message>
    <message>
        <source>What is left out</source>
        <translation>세지 않는 것</translation>
    </message>
    <message>
        <source>A dangling layer, one that no path from the Input reaches (a block dropped on empty canvas and not connected yet), is not part of the network: its row is grey, and neither the totals nor the weight layers count it.</source>
        <translation>입력에서 어떤 경로로도 닿지 않는 떠 있는 층(빈 캔버스에 놓고 아직 연결하지 않은 블록)은 네트워크에 속하지 않습니다. 그 행은 회색으로 표시되고, 합계와 가중치 층 수 어디에도 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>The keys work wherever the focus is in the window, except inside a text field, where they edit the text.</source>
        <translation>이 키들은 창 어디에 포커스가 있든 작동합니다. 단, 텍스트 입력란 안에서는 텍스트를 편집합니다.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>키보드</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>마우스</translation>
    </message>
    <message>
        <source>Keyboard and mouse</source>
        <translation>키보드와 마우스</translation>
    </message>
    <message>
        <source>What is counted</source>
        <translation>무엇을 세는가</translation>
    </message>
</context>
<context>
    <name>InnerLayer</name>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>{type} · inside {block}</source>
        <translation>{type} · {block} 안</translation>
    </message>
    <message>
        <source>A layer inside {block}, shown read-only: its settings follow from the block&apos;s. Select the block to change them.</source>
        <translation>{block} 안의 층으로, 읽기 전용으로 보여 줍니다. 설정은 블록의 설정에서 정해집니다. 바꾸려면 블록을 선택하세요.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
</context>
<context>
    <name>InteropExporter</name>
    <message>
        <source>Network as PyTorch code…</source>
        <translation>네트워크를 PyTorch 코드로…</translation>
    </message>
    <message>
        <source>Network as ONNX model…</source>
        <translation>네트워크를 ONNX 모델로…</translation>
    </message>
    <message>
        <source>Training script (PyTorch, multi-GPU)…</source>
        <translation>학습 스크립트 (PyTorch, 다중 GPU)…</translation>
    </message>
    <message>
        <source>Table as LaTeX…</source>
        <translation>표를 LaTeX로…</translation>
    </message>
    <message>
        <source>A self-contained Python file in torchvision&apos;s style; only torch is needed</source>
        <translation>torchvision 방식으로 쓴 독립된 Python 파일입니다. torch만 있으면 됩니다</translation>
    </message>
    <message>
        <source>For Netron, onnxruntime and other frameworks (freshly initialized weights)</source>
        <translation>Netron, onnxruntime 등 다른 프레임워크용입니다 (가중치는 새로 초기화됨)</translation>
    </message>
    <message>
        <source>A standalone script: python train.py, or torchrun --nproc_per_node=N train.py</source>
        <translation>단독 실행 스크립트: python train.py 또는 torchrun --nproc_per_node=N train.py</translation>
    </message>
    <message>
        <source>A booktabs table for slides and papers</source>
        <translation>슬라이드와 논문용 booktabs 표</translation>
    </message>
    <message>
        <source>Export: {format}</source>
        <translation>내보내기: {format}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Exported {file} (freshly initialized weights)</source>
        <translation>{file}(으)로 내보냈습니다 (가중치는 새로 초기화됨)</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>{file}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>{file} could not be written:

{why}</source>
        <translation>{file}에 쓰지 못했습니다:

{why}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>언어(&amp;G)</translation>
    </message>
    <message>
        <source>Show CNN Studio in {language} from its next start</source>
        <translation>다음에 시작할 때부터 CNN Studio를 {language}(으)로 보여 줍니다</translation>
    </message>
    <message>
        <source>CNN Studio will be in {language} from its next start</source>
        <translation>다음에 시작할 때부터 CNN Studio가 {language}(으)로 표시됩니다</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>CNN Studio will be in {language} when it starts again. Restart it now?</source>
        <translation>CNN Studio를 다시 시작하면 {language}(으)로 표시됩니다. 지금 다시 시작할까요?</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 형태</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>% of MACs</source>
        <translation>MACs 비율(%)</translation>
    </message>
    <message>
        <source>Other ops</source>
        <translation>기타 연산</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성값</translation>
    </message>
    <message>
        <source>Receptive field</source>
        <translation>수용 영역</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>% of FLOPs</source>
        <translation>FLOPs 비율(%)</translation>
    </message>
    <message>
        <source>dangling (not connected)</source>
        <translation>떠 있음 (연결되지 않음)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation>지금까지 합계</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>문제: {problem}</translation>
    </message>
    <message>
        <source>Unknown until the problem in an earlier layer is fixed</source>
        <translation>앞선 층의 문제를 고치기 전에는 알 수 없음</translation>
    </message>
</context>
<context>
    <name>LayerTableView</name>
    <message>
        <source>Click a column&apos;s title to sort the layers by it (numbers: largest first), again for the other way, a third time for network order.</source>
        <translation>열 제목을 클릭하면 그 열로 층을 정렬합니다(숫자는 큰 것부터). 한 번 더 클릭하면 반대로, 세 번째에는 네트워크 순서로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Sorted by {column}, largest first</source>
        <translation>{column} 기준, 큰 것부터 정렬</translation>
    </message>
    <message>
        <source>Sorted by {column}, smallest first</source>
        <translation>{column} 기준, 작은 것부터 정렬</translation>
    </message>
    <message>
        <source>Sorted by {column}, Z to A</source>
        <translation>{column} 기준, 역순(Z→A) 정렬</translation>
    </message>
    <message>
        <source>Sorted by {column}, A to Z</source>
        <translation>{column} 기준, 순서대로(A→Z) 정렬</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Blocks</source>
        <translation>블록</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>인스펙터</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty network</source>
        <translation>빈 네트워크를 시작합니다</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a network file</source>
        <translation>네트워크 파일을 엽니다</translation>
    </message>
    <message>
        <source>Case studies…</source>
        <translation>사례 연구…</translation>
    </message>
    <message>
        <source>Pick one of the lessons&apos; networks</source>
        <translation>강의에 나오는 네트워크 중 하나를 고릅니다</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>네트워크를 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>새 이름으로 저장합니다</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close CNN Studio</source>
        <translation>CNN Studio를 닫습니다</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>마지막 편집을 되돌립니다</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>되돌린 편집을 다시 실행합니다</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>다시 실행(&amp;R): {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>실행 취소(&amp;U): {edit}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>형태</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>연산</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard and Mouse…</source>
        <translation>키보드와 마우스(&amp;K)…</translation>
    </message>
    <message>
        <source>Every key and mouse gesture the window knows</source>
        <translation>창에서 쓰는 모든 키와 마우스 동작</translation>
    </message>
    <message>
        <source>&amp;What Is Counted…</source>
        <translation>무엇을 세는가(&amp;W)…</translation>
    </message>
    <message>
        <source>What the parameters, MACs, other ops, activations and weight layers count</source>
        <translation>파라미터, MACs, 기타 연산, 활성값, 가중치 층이 각각 무엇을 세는지</translation>
    </message>
    <message>
        <source>&amp;About CNN Studio</source>
        <translation>CNN Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>The version and what the app is for</source>
        <translation>버전과 이 앱의 쓰임새</translation>
    </message>
    <message>
        <source>Build the classic convolutional networks of the case-study lessons (LeNet-5, AlexNet, VGG, ResNet, 1x1 convolutions, Inception), see every layer&apos;s shape and cost with the arithmetic behind it, and train them.</source>
        <translation>사례 연구 강의의 고전 합성곱 네트워크(LeNet-5, AlexNet, VGG, ResNet, 1x1 합성곱, 인셉션)를 직접 만들고, 모든 층의 형태와 비용을 그 계산 과정과 함께 보고, 학습시켜 봅니다.</translation>
    </message>
    <message>
        <source>About CNN Studio</source>
        <translation>CNN Studio 정보</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>The network&apos;s name, shown in the title bar and in reports</source>
        <translation>네트워크의 이름으로, 제목 표시줄과 보고서에 나타납니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Select a layer on the canvas or in the table to see and change its settings.</source>
        <translation>캔버스나 표에서 층을 선택하면 그 설정을 보고 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>FLOPs: {flops}</source>
        <translation>FLOPs: {flops}</translation>
    </message>
    <message>
        <source>MACs: {macs}</source>
        <translation>MACs: {macs}</translation>
    </message>
    <message>
        <source>Layers on the canvas: {count}</source>
        <translation>캔버스의 층: {count}개</translation>
    </message>
    <message>
        <source>Weight layers: {count} (conv + fc on the longest path)</source>
        <translation>가중치 층: {count}개 (가장 긴 경로의 합성곱 + 완전 연결)</translation>
    </message>
    <message>
        <source>Input: {shape}</source>
        <translation>입력: {shape}</translation>
    </message>
    <message>
        <source>Output: {shape}</source>
        <translation>출력: {shape}</translation>
    </message>
    <message>
        <source>Parameters: {params}</source>
        <translation>파라미터: {params}</translation>
    </message>
    <message>
        <source>Weight layers on every branch: {count}</source>
        <translation>모든 갈래의 가중치 층: {count}개</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… 외 {count}개</translation>
    </message>
</context>
<context>
    <name>NetworkStatus</name>
    <message>
        <source>Params {params}  ·  FLOPs {flops}</source>
        <translation>파라미터 {params}  ·  FLOPs {flops}</translation>
    </message>
    <message>
        <source>Params {params}  ·  MACs {macs}</source>
        <translation>파라미터 {params}  ·  MACs {macs}</translation>
    </message>
    <message>
        <source>✓ valid</source>
        <translation>✓ 문제 없음</translation>
    </message>
    <message>
        <source>Every layer&apos;s shape works out.</source>
        <translation>모든 층의 형태가 맞아떨어집니다.</translation>
    </message>
    <message>
        <source>⚠ 1 problem</source>
        <translation>⚠ 문제 1개</translation>
    </message>
    <message>
        <source>⚠ {count} problems</source>
        <translation>⚠ 문제 {count}개</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>open ›</source>
        <translation>열기 ›</translation>
    </message>
    <message>
        <source>dangling: not connected</source>
        <translation>떠 있음: 연결되지 않음</translation>
    </message>
    <message>
        <source>shape unknown</source>
        <translation>형태 모름</translation>
    </message>
    <message>
        <source>Output: {shape}</source>
        <translation>출력: {shape}</translation>
    </message>
    <message>
        <source>Double-click to see the layers inside.</source>
        <translation>두 번 클릭하면 안의 층을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Output: drag from here to another layer&apos;s input to connect</source>
        <translation>출력: 여기서 다른 층의 입력으로 끌어 연결합니다</translation>
    </message>
    <message>
        <source>Input: drag from here to another layer&apos;s output to connect</source>
        <translation>입력: 여기서 다른 층의 출력으로 끌어 연결합니다</translation>
    </message>
</context>
<context>
    <name>NodeLabels</name>
    <message>
        <source>Parameters: {params}   FLOPs: {flops}</source>
        <translation>파라미터: {params}   FLOPs: {flops}</translation>
    </message>
    <message>
        <source>Parameters: {params}   MACs: {macs}</source>
        <translation>파라미터: {params}   MACs: {macs}</translation>
    </message>
</context>
<context>
    <name>NodePage</name>
    <message>
        <source>The layer&apos;s name, unique in the network</source>
        <translation>층의 이름으로, 네트워크 안에서 하나뿐이어야 합니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Double-click the block on the canvas to see the layers inside.</source>
        <translation>캔버스에서 블록을 두 번 클릭하면 안의 층을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Residual block (basic)</source>
        <translation>잔차 블록 (기본)</translation>
    </message>
    <message>
        <source>Two 3x3 convolutions whose input is added back to their output by a shortcut (ResNet-18 and -34).</source>
        <translation>3x3 합성곱 두 개로, 지름길 연결이 입력을 출력에 다시 더합니다 (ResNet-18과 ResNet-34).</translation>
    </message>
    <message>
        <source>Residual block (bottleneck)</source>
        <translation>잔차 블록 (병목)</translation>
    </message>
    <message>
        <source>A 1x1 conv narrows the channels, a 3x3 conv works on them, a 1x1 conv widens them again; a shortcut adds the input back (ResNet-50 and deeper).</source>
        <translation>1x1 합성곱이 채널을 줄이고, 3x3 합성곱이 처리하고, 1x1 합성곱이 채널을 다시 늘립니다. 지름길 연결이 입력을 다시 더합니다 (ResNet-50 이상).</translation>
    </message>
    <message>
        <source>1x1 convolution</source>
        <translation>1x1 합성곱</translation>
    </message>
    <message>
        <source>Mixes the channels at every pixel, shrinking or growing their number without touching height and width.</source>
        <translation>픽셀마다 채널을 섞어, 높이와 너비는 그대로 두고 채널 수를 줄이거나 늘립니다.</translation>
    </message>
    <message>
        <source>Inception (naive)</source>
        <translation>인셉션 (단순형)</translation>
    </message>
    <message>
        <source>1x1, 3x3 and 5x5 convolutions and a max pool side by side, their outputs stacked; costly without reductions.</source>
        <translation>1x1, 3x3, 5x5 합성곱과 최대 풀링을 나란히 두고 출력을 쌓습니다. 축소가 없어 비용이 큽니다.</translation>
    </message>
    <message>
        <source>Inception (1x1 reductions)</source>
        <translation>인셉션 (1x1 축소)</translation>
    </message>
    <message>
        <source>GoogLeNet&apos;s module: 1x1 convolutions shrink the channels before the 3x3 and 5x5 convolutions.</source>
        <translation>GoogLeNet의 모듈: 3x3과 5x5 합성곱 앞에서 1x1 합성곱이 채널을 줄입니다.</translation>
    </message>
    <message>
        <source>Filter blocks…</source>
        <translation>블록 찾기…</translation>
    </message>
    <message>
        <source>Drag a block onto the canvas, or double-click it to add it after the selected layer.</source>
        <translation>블록을 캔버스로 끌어다 놓거나, 두 번 클릭해 선택한 층 뒤에 추가하세요.</translation>
    </message>
</context>
<context>
    <name>ParamEditors</name>
    <message>
        <source>{setting} must be a whole number from {low} to {high}.</source>
        <translation>{setting} 값은 {low}부터 {high}까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{setting} must be a number from {low} to {high}.</source>
        <translation>{setting} 값은 {low}부터 {high}까지의 수여야 합니다.</translation>
    </message>
    <message>
        <source>{setting} must be a whole number of at least {low}.</source>
        <translation>{setting} 값은 {low} 이상의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{setting} must be a number of at least {low}.</source>
        <translation>{setting} 값은 {low} 이상의 수여야 합니다.</translation>
    </message>
    <message>
        <source>{setting} must be a whole number.</source>
        <translation>{setting} 값은 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{setting} must be a number.</source>
        <translation>{setting} 값은 수여야 합니다.</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>픽셀</translation>
    </message>
    <message>
        <source>Pixels of zeros added on each side</source>
        <translation>각 변에 덧붙이는 0의 픽셀 수</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Classic networks</source>
        <translation>고전 네트워크</translation>
    </message>
    <message>
        <source>ResNets</source>
        <translation>잔차 네트워크 (ResNet)</translation>
    </message>
    <message>
        <source>1x1 convolutions</source>
        <translation>1x1 합성곱</translation>
    </message>
    <message>
        <source>Inception</source>
        <translation>인셉션</translation>
    </message>
    <message>
        <source>LeCun 1998: two conv-pool stages and three fully connected layers read 32x32 digits.</source>
        <translation>LeCun 1998: 합성곱-풀링 단계 두 개와 완전 연결 층 세 개가 32x32 숫자 이미지를 읽습니다.</translation>
    </message>
    <message>
        <source>Krizhevsky 2012 as in the lecture: five convs with ReLU, LRN and overlapping max pools, on one GPU.</source>
        <translation>강의에서 다룬 Krizhevsky 2012: ReLU, LRN, 겹치는 최대 풀링과 함께 합성곱 다섯 개를 GPU 하나에서.</translation>
    </message>
    <message>
        <source>The paper&apos;s version: conv2, conv4 and conv5 split into two groups, one per GPU.</source>
        <translation>논문의 구성: conv2, conv4, conv5를 GPU마다 하나씩 두 그룹으로 나눕니다.</translation>
    </message>
    <message>
        <source>Simonyan 2015: only 3x3 same convs and 2x2 max pools, channels doubling each stage.</source>
        <translation>Simonyan 2015: 3x3 same 합성곱과 2x2 최대 풀링만 쓰고, 단계마다 채널이 두 배가 됩니다.</translation>
    </message>
    <message>
        <source>VGG-16&apos;s bigger sibling: four convs in each of the last three stages.</source>
        <translation>VGG-16의 큰 형제: 마지막 세 단계마다 합성곱이 네 개입니다.</translation>
    </message>
    <message>
        <source>He 2015 (torchvision): eight basic residual blocks in four stages.</source>
        <translation>He 2015 (torchvision): 네 단계에 기본 잔차 블록 여덟 개.</translation>
    </message>
    <message>
        <source>Sixteen basic residual blocks; the paper&apos;s 34-layer residual network.</source>
        <translation>기본 잔차 블록 열여섯 개. 논문의 34층 잔차 네트워크입니다.</translation>
    </message>
    <message>
        <source>Sixteen bottleneck blocks (1x1, 3x3, 1x1) in four stages.</source>
        <translation>네 단계에 병목 블록(1x1, 3x3, 1x1) 열여섯 개.</translation>
    </message>
    <message>
        <source>Thirty-three bottleneck blocks; stage 4 has twenty-three.</source>
        <translation>병목 블록 서른세 개. 4단계에 스물세 개가 있습니다.</translation>
    </message>
    <message>
        <source>Fifty bottleneck blocks: the lecture&apos;s 152-layer network.</source>
        <translation>병목 블록 쉰 개: 강의에 나오는 152층 네트워크입니다.</translation>
    </message>
    <message>
        <source>ResNet-18 without its shortcuts: the paper&apos;s plain network.</source>
        <translation>지름길 연결을 뺀 ResNet-18: 논문의 평범한(plain) 네트워크입니다.</translation>
    </message>
    <message>
        <source>ResNet-34 without its shortcuts: deeper, yet harder to train.</source>
        <translation>지름길 연결을 뺀 ResNet-34: 더 깊지만 학습은 더 어렵습니다.</translation>
    </message>
    <message>
        <source>The paper&apos;s 32x32 network: 3 stages of 3 basic blocks, 16/32/64 filters.</source>
        <translation>논문의 32x32 네트워크: 기본 블록 3개씩 3단계, 필터 16/32/64개.</translation>
    </message>
    <message>
        <source>The same design with 9 blocks per stage.</source>
        <translation>같은 설계에 단계마다 블록 9개.</translation>
    </message>
    <message>
        <source>ResNet-20 without shortcuts, to train side by side with it.</source>
        <translation>지름길 연결을 뺀 ResNet-20. 나란히 학습시켜 비교합니다.</translation>
    </message>
    <message>
        <source>56 plain layers: the paper&apos;s example of deeper doing worse.</source>
        <translation>평범한 층 56개: 더 깊은데 더 나빠지는 논문의 예입니다.</translation>
    </message>
    <message>
        <source>28x28x192 to 28x28x32 with 1x1 filters: shrinking channels, not space.</source>
        <translation>1x1 필터로 28x28x192를 28x28x32로: 공간이 아니라 채널을 줄입니다.</translation>
    </message>
    <message>
        <source>28x28x192 to 28x28x32 with a 5x5 same conv: about 120 million multiplies.</source>
        <translation>5x5 same 합성곱으로 28x28x192를 28x28x32로: 곱셈 약 1억 2천만 번.</translation>
    </message>
    <message>
        <source>A 1x1 conv to 16 channels first cuts the cost to about 12.4 million.</source>
        <translation>먼저 1x1 합성곱으로 16채널로 줄이면 비용이 약 1,240만으로 줄어듭니다.</translation>
    </message>
    <message>
        <source>1x1, 3x3, 5x5 convs and a max pool side by side: 28x28x256 out.</source>
        <translation>1x1, 3x3, 5x5 합성곱과 최대 풀링을 나란히: 출력 28x28x256.</translation>
    </message>
    <message>
        <source>GoogLeNet&apos;s inception (3a): 1x1 reductions before the 3x3 and 5x5 convs.</source>
        <translation>GoogLeNet의 인셉션 (3a): 3x3과 5x5 합성곱 앞에 1x1 축소.</translation>
    </message>
    <message>
        <source>Szegedy 2014, Table 1: nine inception modules, average pooling, one classifier.</source>
        <translation>Szegedy 2014, 표 1: 인셉션 모듈 아홉 개, 평균 풀링, 분류기 하나.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>바로 가기</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>드라이브</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 파일</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>다음에서 찾기(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>it is not a CNN Studio recovery file</source>
        <translation>CNN Studio 복구 파일이 아닙니다</translation>
    </message>
    <message>
        <source>it has no valid &apos;saved_at&apos; time</source>
        <translation>올바른 &apos;saved_at&apos; 시각이 없습니다</translation>
    </message>
    <message>
        <source>A recovery file could not be read ({why}); it could not be moved away</source>
        <translation>복구 파일을 읽지 못했고({why}) 다른 곳으로 옮기지도 못했습니다</translation>
    </message>
    <message>
        <source>A recovery file could not be read ({why}); set aside as {file}</source>
        <translation>복구 파일을 읽지 못해({why}) {file}(으)로 따로 옮겨 두었습니다</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <source>{count} layers selected</source>
        <translation>층 {count}개 선택됨</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 외 {count}개</translation>
    </message>
    <message>
        <source>Move, copy, duplicate or delete them together on the canvas. Select one layer to edit it.</source>
        <translation>캔버스에서 함께 옮기거나 복사, 복제, 삭제할 수 있습니다. 고치려면 층 하나만 선택하세요.</translation>
    </message>
    <message>
        <source>Together
Parameters: {params}
FLOPs: {flops}</source>
        <translation>합계
파라미터: {params}
FLOPs: {flops}</translation>
    </message>
    <message>
        <source>Together
Parameters: {params}
MACs: {macs}</source>
        <translation>합계
파라미터: {params}
MACs: {macs}</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>{params} params  ·  {macs} MACs</source>
        <translation>파라미터 {params}  ·  {macs} MACs</translation>
    </message>
    <message>
        <source>{title}
{params} parameters
{macs} multiply-accumulates</source>
        <translation>{title}
파라미터 {params}개
곱셈-누산 {macs}회</translation>
    </message>
    <message>
        <source>Empty network</source>
        <translation>빈 네트워크</translation>
    </message>
    <message>
        <source>Start from an Input alone and build a network yourself: drag blocks from the palette onto the canvas.</source>
        <translation>입력 하나에서 시작해 네트워크를 직접 만듭니다. 팔레트의 블록을 캔버스로 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>A new network holding only an Input (File &gt; New)</source>
        <translation>입력만 있는 새 네트워크 (파일 &gt; 새로 만들기)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>Read the course&apos;s lessons beside the network, from why case studies matter to the Inception network, and do their Try it steps on the canvas.</source>
        <translation>사례 연구가 왜 중요한지부터 인셉션 네트워크까지, 강의를 네트워크 옆에 펴 놓고 읽으며 &quot;직접 해 보기&quot; 단계를 캔버스에서 해 봅니다.</translation>
    </message>
    <message>
        <source>{count} lessons  ·  {first} to {last}</source>
        <translation>강의 {count}개  ·  {first}~{last}</translation>
    </message>
    <message>
        <source>Open the Lessons panel at {lesson}</source>
        <translation>강의 패널을 {lesson}에서 엽니다</translation>
    </message>
    <message>
        <source>Pick a network</source>
        <translation>네트워크 고르기</translation>
    </message>
    <message>
        <source>Show this page when CNN Studio starts</source>
        <translation>CNN Studio를 시작할 때 이 페이지 보이기</translation>
    </message>
    <message>
        <source>Explore the classic CNN case studies</source>
        <translation>고전 CNN 사례 연구 살펴보기</translation>
    </message>
    <message>
        <source>Pick a network to open it. Every layer&apos;s output shape, parameters and multiply-accumulates appear in the table, with the arithmetic behind each number.</source>
        <translation>네트워크를 고르면 열립니다. 모든 층의 출력 형태, 파라미터, 곱셈-누산이 각 숫자의 계산 과정과 함께 표에 나옵니다.</translation>
    </message>
    <message>
        <source>Start from scratch or learn</source>
        <translation>처음부터 만들기, 또는 배우기</translation>
    </message>
</context>
<context>
    <name>TableDock</name>
    <message>
        <source>Shapes and costs</source>
        <translation>형태와 비용</translation>
    </message>
    <message>
        <source>Shapes:</source>
        <translation>형태:</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>집계:</translation>
    </message>
    <message>
        <source>Network order</source>
        <translation>네트워크 순서</translation>
    </message>
    <message>
        <source>Show the layers in the order data flows through them</source>
        <translation>데이터가 흐르는 순서대로 층을 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>TableFormulas</name>
    <message>
        <source>this layer does no multiply-accumulates</source>
        <translation>이 층은 곱셈-누산을 하지 않습니다</translation>
    </message>
    <message>
        <source>{macs} / {total} = {share} % of the network&apos;s MACs</source>
        <translation>{macs} / {total} = 네트워크 MACs의 {share} %</translation>
    </message>
    <message>
        <source>the shape of the network&apos;s output</source>
        <translation>네트워크 출력의 형태</translation>
    </message>
    <message>
        <source>no layer adds any: {total}</source>
        <translation>더하는 층이 없음: {total}</translation>
    </message>
    <message>
        <source>{count} more layers {sum}</source>
        <translation>나머지 층 {count}개 {sum}</translation>
    </message>
    <message>
        <source>Layers that add nothing are left out of the sum.</source>
        <translation>아무것도 더하지 않는 층은 합에서 뺐습니다.</translation>
    </message>
    <message>
        <source>Dangling layers are not part of the network, so they are not counted.</source>
        <translation>떠 있는 층은 네트워크에 속하지 않으므로 세지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ZoomNote</name>
    <message>
        <source>The mouse wheel zooms at the mouse; Ctrl+0 fits the diagram to the window</source>
        <translation>마우스 휠은 마우스 위치에서 확대·축소합니다. Ctrl+0은 다이어그램을 창에 맞춥니다</translation>
    </message>
    <message>
        <source>{percent}%  ·  Wheel zooms, Ctrl+0 fits</source>
        <translation>{percent}%  ·  휠로 확대·축소, Ctrl+0으로 맞추기</translation>
    </message>
</context>
</TS>
