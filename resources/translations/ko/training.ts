<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ExperimentsDepth</name>
    <message>
        <source>the depth experiment is training on the worker: wait for it or stop it</source>
        <translation>깊이 실험이 작업 스레드에서 학습 중입니다. 끝날 때까지 기다리거나 실험을 멈추세요</translation>
    </message>
    <message>
        <source>a training run is in progress: stop it first</source>
        <translation>학습 실행이 진행 중입니다. 먼저 멈추세요</translation>
    </message>
    <message>
        <source>the window is closing</source>
        <translation>창이 닫히는 중입니다</translation>
    </message>
    <message>
        <source>depth experiment</source>
        <translation>깊이 실험</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to look for.&lt;/b&gt; The four networks differ only in depth and in the shortcuts. &lt;b&gt;Training error&lt;/b&gt; (left): Plain-56 (solid blue) stays far above Plain-20 (dashed blue) — more layers made the plain network worse &lt;i&gt;on the images it trains on&lt;/i&gt;, so this is not overfitting but a network that is hard to optimise. ResNet-56 (solid red) ends as low as ResNet-20 (dashed red): with shortcuts, extra blocks can learn the identity and do no harm. &lt;b&gt;Gradients&lt;/b&gt; (below): each row is a weight layer, depth 1 at the bottom, coloured by the size of its gradient. In Plain-56 the sizes differ by orders of magnitude from one end of the network to the other (with batch norm, the first layers&apos; gradients grow large rather than vanish), so no single learning rate suits all its layers; ResNet-56&apos;s shortcuts keep them close at every depth.</source>
        <translation>&lt;b&gt;무엇을 볼까요.&lt;/b&gt; 네 네트워크는 깊이와 지름길 연결만 다릅니다. &lt;b&gt;학습 오차&lt;/b&gt;(왼쪽): Plain-56(파란 실선)은 Plain-20(파란 점선)보다 훨씬 위에 머뭅니다. 층을 더 쌓았더니 플레인 네트워크가 &lt;i&gt;학습하는 바로 그 이미지에서&lt;/i&gt; 더 나빠졌으니, 이것은 과대적합이 아니라 최적화하기 어려운 네트워크라는 뜻입니다. ResNet-56(빨간 실선)은 ResNet-20(빨간 점선)만큼 낮게 끝납니다. 지름길 연결이 있으면 덧붙인 블록이 항등 함수를 배울 수 있어 해가 되지 않습니다. &lt;b&gt;기울기&lt;/b&gt;(아래): 각 행은 가중치 층 하나이고 맨 아래가 깊이 1이며, 기울기의 크기로 색을 칠했습니다. Plain-56에서는 네트워크의 한쪽 끝과 다른 쪽 끝의 크기가 몇 자릿수씩 차이 나므로(배치 정규화가 있으면 앞쪽 층의 기울기는 사라지기보다 오히려 커집니다) 어떤 학습률 하나도 모든 층에 맞지 않습니다. ResNet-56의 지름길 연결은 모든 깊이에서 크기를 비슷하게 유지합니다.</translation>
    </message>
    <message>
        <source>Training error per epoch (%)</source>
        <translation>에포크별 학습 오차 (%)</translation>
    </message>
    <message>
        <source>Training loss per step (smoothed)</source>
        <translation>스텝별 학습 손실 (평활)</translation>
    </message>
    <message>
        <source>Each run: {train:,} drawn shapes of {size}x{size} pixels ({val:,} more for validation), first-stage width {width}, {epochs} epochs, batch {batch}, Adam at {lr:g} with a cosine schedule, seed {seed}.</source>
        <translation>각 실행: {size}x{size} 픽셀의 그린 도형 {train:,}개(검증용 {val:,}개 별도), 첫 단계 너비 {width}, {epochs} 에포크, 배치 {batch}, 학습률 {lr:g}의 Adam과 코사인 스케줄, 시드 {seed}.</translation>
    </message>
    <message>
        <source>The depth experiment: plain against residual</source>
        <translation>깊이 실험: 플레인 대 잔차</translation>
    </message>
    <message>
        <source>The same seed for all four: the same initial draws, batches and images</source>
        <translation>네 네트워크 모두 같은 시드: 같은 초기값, 같은 배치, 같은 이미지</translation>
    </message>
    <message>
        <source>Run the four networks</source>
        <translation>네 네트워크 실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>training error (%)</source>
        <translation>학습 오차 (%)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Gradient norms of {network}</source>
        <translation>{network}의 기울기 노름</translation>
    </message>
    <message>
        <source>Cannot run: {problem}</source>
        <translation>실행할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Opening the drawn shapes…</source>
        <translation>그린 도형 데이터셋을 여는 중…</translation>
    </message>
    <message>
        <source>Training {network} ({number} of {count}): {params:,} parameters, {macs:,} MACs per image…</source>
        <translation>{network} 학습 중({count}개 중 {number}번째): 파라미터 {params:,}개, 이미지당 {macs:,} MACs…</translation>
    </message>
    <message>
        <source>The experiment could not run: {problem}</source>
        <translation>실험을 실행할 수 없었습니다: {problem}</translation>
    </message>
    <message>
        <source>Finished: four networks trained in {seconds:.0f} s.</source>
        <translation>완료: 네 네트워크를 {seconds:.0f}초 만에 학습했습니다.</translation>
    </message>
    <message>
        <source>Stopped after {done} of {count} networks.</source>
        <translation>{count}개 네트워크 중 {done}개를 마친 뒤 멈췄습니다.</translation>
    </message>
    <message>
        <source>A run failed: {reason}</source>
        <translation>실행 하나가 실패했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>ExperimentsIdentity</name>
    <message>
        <source>A residual block computes a[l+2] = g(z[l+2] + a[l]). Zero its last layer — the last batch norm&apos;s scale and shift (or, without batch norm, the last convolution&apos;s weights and bias) — and z[l+2] = 0, so a[l+2] = g(a[l]) = ReLU of the block&apos;s input. Since a[l] came out of a ReLU, that is a[l] itself: the block computes the identity. The check runs one image through the network and compares the block&apos;s output with the ReLU of its input.</source>
        <translation>잔차 블록은 a[l+2] = g(z[l+2] + a[l])를 계산합니다. 마지막 층, 곧 마지막 배치 정규화의 스케일과 시프트(배치 정규화가 없으면 마지막 합성곱의 가중치와 편향)를 0으로 만들면 z[l+2] = 0이 되어 a[l+2] = g(a[l]), 즉 블록 입력의 ReLU가 됩니다. a[l]은 ReLU를 거쳐 나온 값이므로 이것은 a[l] 그 자체입니다. 블록이 항등 함수를 계산하는 것입니다. 이 검사는 이미지 한 장을 네트워크에 통과시켜 블록의 출력을 입력의 ReLU와 비교합니다.</translation>
    </message>
    <message>
        <source>Checking on the training worker (after the training run, if one is in progress)…</source>
        <translation>학습 작업 스레드에서 검사하는 중(학습 실행이 진행 중이면 그 뒤에)…</translation>
    </message>
    <message>
        <source>This network has no residual block. Open ResNet-20 to try the identity on one.</source>
        <translation>이 네트워크에는 잔차 블록이 없습니다. ResNet-20을 열어 잔차 블록에서 항등 함수를 확인해 보세요.</translation>
    </message>
    <message>
        <source>The identity: why ResNets work</source>
        <translation>항등 함수: ResNet이 잘 동작하는 이유</translation>
    </message>
    <message>
        <source>Zero the last layer</source>
        <translation>마지막 층을 0으로</translation>
    </message>
    <message>
        <source>Restore the weights</source>
        <translation>가중치 되돌리기</translation>
    </message>
    <message>
        <source>Undo the zeroing: put the last layer&apos;s values back (Ctrl+Z)</source>
        <translation>0으로 만든 것을 취소하고 마지막 층의 값을 되돌립니다 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>다시 검사</translation>
    </message>
    <message>
        <source>Open ResNet-20</source>
        <translation>ResNet-20 열기</translation>
    </message>
    <message>
        <source>input a[l]</source>
        <translation>입력 a[l]</translation>
    </message>
    <message>
        <source>ReLU(input)</source>
        <translation>ReLU(입력)</translation>
    </message>
    <message>
        <source>output a[l+2]</source>
        <translation>출력 a[l+2]</translation>
    </message>
    <message>
        <source>The first values where the block&apos;s input is positive</source>
        <translation>블록 입력이 양수인 처음 몇 개의 값</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>블록:</translation>
    </message>
    <message>
        <source>The check could not run: {message}</source>
        <translation>검사를 실행할 수 없었습니다: {message}</translation>
    </message>
    <message>
        <source>✗ {block}: the output is not ReLU(input) — {reason}.</source>
        <translation>✗ {block}: 출력이 ReLU(입력)이 아닙니다 — {reason}.</translation>
    </message>
    <message>
        <source>✓ {block} computes the identity: max |output − ReLU(input)| = {difference:.3g}.</source>
        <translation>✓ {block}: 항등 함수를 계산합니다. max |출력 − ReLU(입력)| = {difference:.3g}.</translation>
    </message>
    <message>
        <source>✗ {block}: the output differs from ReLU(input) by up to {difference:.4g} (the input&apos;s values reach {input_max:.3g}).</source>
        <translation>✗ {block}: 출력이 ReLU(입력)과 최대 {difference:.4g}만큼 다릅니다(입력 값은 최대 {input_max:.3g}).</translation>
    </message>
    <message>
        <source>Last layer: {layer}, its scale and shift (or weights and bias) all zero. Input {input}, output {output}; {weights}.</source>
        <translation>마지막 층: {layer}, 스케일과 시프트(또는 가중치와 편향)가 모두 0입니다. 입력 {input}, 출력 {output}; {weights}.</translation>
    </message>
    <message>
        <source>Last layer: {layer}, its scale and shift (or weights and bias) not all zero. Input {input}, output {output}; {weights}.</source>
        <translation>마지막 층: {layer}, 스케일과 시프트(또는 가중치와 편향)가 모두 0은 아닙니다. 입력 {input}, 출력 {output}; {weights}.</translation>
    </message>
</context>
<context>
    <name>ExperimentsInside</name>
    <message>
        <source>Computing on the training worker (after the training run, if one is in progress)…</source>
        <translation>학습 작업 스레드에서 계산하는 중(학습 실행이 진행 중이면 그 뒤에)…</translation>
    </message>
    <message>
        <source>Each small picture is one channel of the chosen layer&apos;s output for the image on the left: white where that filter responds most, black where least. Click a position in a map to see, on the image, the pixels it reads (its receptive field). Compare the initial weights with the trained ones: training turns noise into edge and shape detectors.</source>
        <translation>작은 그림 하나하나는 왼쪽 이미지에 대해 고른 층이 내놓은 출력의 채널 하나입니다. 그 필터가 가장 강하게 반응한 곳은 흰색, 가장 약하게 반응한 곳은 검은색입니다. 특성 맵의 한 위치를 클릭하면 그 위치가 읽는 픽셀(수용 영역)이 이미지 위에 표시됩니다. 초기 가중치와 학습된 가중치를 비교해 보세요. 학습은 잡음을 가장자리와 모양 검출기로 바꿉니다.</translation>
    </message>
    <message>
        <source>Inside the network: filters and feature maps</source>
        <translation>네트워크 속 보기: 필터와 특성 맵</translation>
    </message>
    <message>
        <source>&lt;b&gt;The image&lt;/b&gt;</source>
        <translation>&lt;b&gt;이미지&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fix the network&apos;s errors to look inside it.</source>
        <translation>네트워크 속을 보려면 먼저 네트워크의 오류를 고치세요.</translation>
    </message>
    <message>
        <source>Computed on the training worker in {ms:.1f} ms with the {weights}.</source>
        <translation>{weights} 기준으로, 학습 작업 스레드에서 {ms:.1f} ms 만에 계산했습니다.</translation>
    </message>
    <message>
        <source>Cannot look inside: {message}</source>
        <translation>네트워크 속을 볼 수 없습니다: {message}</translation>
    </message>
    <message>
        <source>The network has no convolution: no filters to show.</source>
        <translation>네트워크에 합성곱이 없어 보여 줄 필터가 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&apos;s {count:,} filters&lt;/b&gt;, {k}x{k}, RGB: mid-gray is 0</source>
        <translation>&lt;b&gt;{layer}의 필터 {count:,}개&lt;/b&gt;, {k}x{k}, RGB: 중간 회색이 0</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&apos;s {count:,} filters&lt;/b&gt;, {k}x{k}, gray: mid-gray is 0</source>
        <translation>&lt;b&gt;{layer}의 필터 {count:,}개&lt;/b&gt;, {k}x{k}, 회색조: 중간 회색이 0</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&apos;s {count:,} filters&lt;/b&gt;, {k}x{k}, gray (the mean over the input channels): mid-gray is 0</source>
        <translation>&lt;b&gt;{layer}의 필터 {count:,}개&lt;/b&gt;, {k}x{k}, 회색조(입력 채널의 평균): 중간 회색이 0</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {values:,} values, one per unit (white: the largest)</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;: 값 {values:,}개, 유닛마다 하나씩 (흰색: 가장 큰 값)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {channels:,} maps of {shape} (the first {shown:,})</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;: {shape} 특성 맵 {channels:,}개 (처음 {shown:,}개)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt;: {channels:,} maps of {shape}</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt;: {shape} 특성 맵 {channels:,}개</translation>
    </message>
    <message>
        <source>Each value of {layer} reads the whole image.</source>
        <translation>{layer}의 값 하나하나가 이미지 전체를 읽습니다.</translation>
    </message>
    <message>
        <source>Click a position in a map to see its receptive field here.</source>
        <translation>특성 맵의 한 위치를 클릭하면 그 수용 영역이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Output ({row}, {column}) of {layer} reads rows {top}..{bottom} and columns {left}..{right}: a {size}x{size} window; the next position&apos;s window starts {jump} input pixels further (part of it is padding outside the image).</source>
        <translation>{layer}의 출력 ({row}, {column})은 {top}..{bottom}행, {left}..{right}열을 읽습니다. {size}x{size} 창이며, 다음 위치의 창은 입력 픽셀로 {jump}칸 뒤에서 시작합니다(일부는 이미지 밖의 패딩입니다).</translation>
    </message>
    <message>
        <source>Output ({row}, {column}) of {layer} reads rows {top}..{bottom} and columns {left}..{right}: a {size}x{size} window; the next position&apos;s window starts {jump} input pixels further.</source>
        <translation>{layer}의 출력 ({row}, {column})은 {top}..{bottom}행, {left}..{right}열을 읽습니다. {size}x{size} 창이며, 다음 위치의 창은 입력 픽셀로 {jump}칸 뒤에서 시작합니다.</translation>
    </message>
</context>
<context>
    <name>ExperimentsMenu</name>
    <message>
        <source>The depth experiment: plain against residual…</source>
        <translation>깊이 실험: 플레인 대 잔차…</translation>
    </message>
    <message>
        <source>Train Plain-20, Plain-56, ResNet-20 and ResNet-56 alike and overlay their training error</source>
        <translation>Plain-20, Plain-56, ResNet-20, ResNet-56을 같은 조건으로 학습하고 학습 오차를 겹쳐 봅니다</translation>
    </message>
    <message>
        <source>The identity: zero a residual block&apos;s last layer…</source>
        <translation>항등 함수: 잔차 블록의 마지막 층을 0으로…</translation>
    </message>
    <message>
        <source>See a residual block pass its input through when its last layer is zero</source>
        <translation>마지막 층이 0이면 잔차 블록이 입력을 그대로 통과시키는 것을 확인합니다</translation>
    </message>
    <message>
        <source>Inside the network: filters and feature maps…</source>
        <translation>네트워크 속 보기: 필터와 특성 맵…</translation>
    </message>
    <message>
        <source>The first layer&apos;s filters, the feature maps of a layer and their receptive fields</source>
        <translation>첫 층의 필터, 한 층의 특성 맵과 그 수용 영역</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>실험(&amp;X)</translation>
    </message>
</context>
<context>
    <name>ExperimentsSample</name>
    <message>
        <source>trained (the Training panel&apos;s)</source>
        <translation>학습된 가중치 (학습 패널의 것)</translation>
    </message>
    <message>
        <source>initial (the seed&apos;s)</source>
        <translation>초기 가중치 (시드의 것)</translation>
    </message>
    <message>
        <source>trained weights (1 step)</source>
        <translation>학습된 가중치(1스텝)</translation>
    </message>
    <message>
        <source>trained weights ({steps:,} steps)</source>
        <translation>학습된 가중치({steps:,}스텝)</translation>
    </message>
    <message>
        <source>initial weights of seed {seed} (this network has not been trained yet)</source>
        <translation>시드 {seed}의 초기 가중치(이 네트워크는 아직 학습하지 않았습니다)</translation>
    </message>
    <message>
        <source>initial weights of seed {seed}</source>
        <translation>시드 {seed}의 초기 가중치</translation>
    </message>
    <message>
        <source>Trained: the weights the Training panel ended with, if it trained this network</source>
        <translation>학습된 가중치: 학습 패널이 이 네트워크를 학습했다면 그 학습이 끝났을 때의 가중치</translation>
    </message>
    <message>
        <source>Which validation image to run through the network</source>
        <translation>네트워크에 통과시킬 검증 이미지의 번호</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>가중치:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>이미지:</translation>
    </message>
    <message>
        <source>of {count:,} in {dataset}; class: {label}</source>
        <translation>/ {count:,}장 ({dataset}); 클래스: {label}</translation>
    </message>
</context>
<context>
    <name>TrainingCheckpoints</name>
    <message>
        <source>CNN Studio checkpoints (*{suffix});;All files (*)</source>
        <translation>CNN Studio 체크포인트 (*{suffix});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>체크포인트 저장</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <source>Saved the checkpoint {path}.</source>
        <translation>체크포인트를 저장했습니다: {path}.</translation>
    </message>
    <message>
        <source>Saved the checkpoint {name}</source>
        <translation>체크포인트를 저장했습니다: {name}</translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation>{name}에서</translation>
    </message>
    <message>
        <source>Opened the checkpoint {name}. Note: the weights will be used when this network trains next ({reason}).</source>
        <translation>체크포인트를 열었습니다: {name}. 참고: 가중치는 이 네트워크를 다음에 학습할 때 쓰입니다({reason}).</translation>
    </message>
    <message>
        <source>Opened the checkpoint {name}.</source>
        <translation>체크포인트를 열었습니다: {name}.</translation>
    </message>
    <message>
        <source>Opened the checkpoint {name}</source>
        <translation>체크포인트를 열었습니다: {name}</translation>
    </message>
    <message>
        <source>⚠ Checkpoint: {message}</source>
        <translation>⚠ 체크포인트: {message}</translation>
    </message>
</context>
<context>
    <name>TrainingCost</name>
    <message>
        <source>multiply-accumulates per image (log scale)</source>
        <translation>이미지당 곱셈-누산 횟수 (로그 눈금)</translation>
    </message>
    <message>
        <source>parameters (log scale)</source>
        <translation>파라미터 수 (로그 눈금)</translation>
    </message>
    <message>
        <source>One point per run: the validation accuracy of its last epoch against what one image costs (a classifier head added for training is counted). Up and to the left is better. Runs that have not finished an epoch have no point yet.</source>
        <translation>실행마다 점 하나: 마지막 에포크의 검증 정확도를 이미지 한 장의 비용에 대해 그립니다(학습을 위해 덧붙인 분류기 헤드도 셉니다). 위쪽, 왼쪽일수록 좋습니다. 아직 한 에포크도 마치지 않은 실행은 점이 없습니다.</translation>
    </message>
    <message>
        <source>MACs per image</source>
        <translation>이미지당 MACs</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>validation accuracy (%)</source>
        <translation>검증 정확도 (%)</translation>
    </message>
    <message>
        <source>Cost axis:</source>
        <translation>비용 축:</translation>
    </message>
</context>
<context>
    <name>TrainingDataset</name>
    <message>
        <source> images</source>
        <translation>장</translation>
    </message>
    <message>
        <source>How many shapes to draw; a fifth of them are kept for validation.</source>
        <translation>그릴 도형의 수입니다. 그중 5분의 1은 검증용으로 남겨 둡니다.</translation>
    </message>
    <message>
        <source>the folder holding the dataset&apos;s files</source>
        <translation>데이터셋 파일이 들어 있는 폴더</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>choose the folder holding {dataset} or download it</source>
        <translation>{dataset} 폴더를 고르거나 다운로드하세요</translation>
    </message>
    <message>
        <source>choose the folder holding {dataset}</source>
        <translation>{dataset} 폴더를 고르세요</translation>
    </message>
    <message>
        <source>The folder holding {dataset}</source>
        <translation>{dataset} 폴더</translation>
    </message>
    <message>
        <source>Opening the dataset…</source>
        <translation>데이터셋을 여는 중…</translation>
    </message>
    <message>
        <source>{train:,} training and {val:,} validation images, {classes:,} classes, given to the network as {height}×{width}×{channels}.</source>
        <translation>학습 이미지 {train:,}장, 검증 이미지 {val:,}장, 클래스 {classes:,}개. 네트워크에는 {height}×{width}×{channels} 크기로 들어갑니다.</translation>
    </message>
    <message>
        <source>Download {dataset} into a subfolder of…</source>
        <translation>{dataset} 다운로드: 상위 폴더 선택…</translation>
    </message>
    <message>
        <source>Downloading {dataset} into {folder}…</source>
        <translation>{folder}에 {dataset} 다운로드 중…</translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.1f} MB</source>
        <translation>{total:.1f} MB 중 {done:.1f} MB</translation>
    </message>
    <message>
        <source>{dataset} was downloaded into {folder}.</source>
        <translation>{folder}에 {dataset} 다운로드를 마쳤습니다.</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>다운로드 이어받기</translation>
    </message>
    <message>
        <source>{message} Click Resume to go on from where it stopped.</source>
        <translation>{message} 멈춘 곳부터 계속하려면 &apos;다운로드 이어받기&apos;를 누르세요.</translation>
    </message>
    <message>
        <source>Download {dataset}…</source>
        <translation>{dataset} 다운로드…</translation>
    </message>
    <message>
        <source>The network needs a valid input before the dataset can be opened.</source>
        <translation>데이터셋을 열려면 먼저 네트워크에 올바른 입력이 있어야 합니다.</translation>
    </message>
    <message>
        <source>the download stopped with an unexpected error: {error}</source>
        <translation>예상하지 못한 오류로 다운로드가 멈췄습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TrainingGradients</name>
    <message>
        <source>The gradient norms appear here once the run has taken a few steps.</source>
        <translation>실행이 몇 스텝을 진행하면 여기에 기울기 노름이 나타납니다.</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>depth (weight layer)</source>
        <translation>깊이 (가중치 층)</translation>
    </message>
    <message>
        <source>log10 gradient norm</source>
        <translation>log10 기울기 노름</translation>
    </message>
    <message>
        <source>{layers:,} weight layers, {samples:,} samples up to step {step:,}. Hover to read a norm.</source>
        <translation>가중치 층 {layers:,}개, {step:,} 스텝까지 표본 {samples:,}개. 마우스를 올리면 노름 값을 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>{layer} (depth {depth}) at step {step:,}: gradient norm {norm:.3g}</source>
        <translation>{layer}(깊이 {depth}), 스텝 {step:,}: 기울기 노름 {norm:.3g}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Loading PyTorch for training…</source>
        <translation>학습을 위해 PyTorch를 불러오는 중…</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Faint: each step&apos;s loss; bold: smoothed. Per epoch: solid with dots = validation, dashed = training. Hover to read the values; tick runs to overlay them.</source>
        <translation>흐린 선: 스텝마다의 손실, 굵은 선: 평활한 손실. 에포크별 그래프: 점이 찍힌 실선 = 검증, 점선 = 학습. 마우스를 올리면 값을 읽을 수 있고, 실행에 체크하면 겹쳐 그립니다.</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>스텝별 손실</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에포크별 손실</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>에포크별 정확도</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>step {step}: lr {rate:.4g}</source>
        <translation>스텝 {step}: 학습률 {rate:.4g}</translation>
    </message>
    <message>
        <source>step {step}: loss {loss:.4f} (smoothed {smoothed:.4f})</source>
        <translation>스텝 {step}: 손실 {loss:.4f} (평활 {smoothed:.4f})</translation>
    </message>
    <message>
        <source>epoch {epoch}: validation {val:.1f}%, training {train:.1f}%</source>
        <translation>에포크 {epoch}: 검증 {val:.1f}%, 학습 {train:.1f}%</translation>
    </message>
    <message>
        <source>epoch {epoch}: validation {val:.4f}, training {train:.4f}</source>
        <translation>에포크 {epoch}: 검증 {val:.4f}, 학습 {train:.4f}</translation>
    </message>
</context>
<context>
    <name>TrainingResults</name>
    <message>
        <source>The confusion matrix appears after training.</source>
        <translation>학습이 끝나면 혼동 행렬이 나타납니다.</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>실제 클래스</translation>
    </message>
    <message>
        <source>{count:,} of {total:,} &apos;{true}&apos; images recognised ({share:.1f}%)</source>
        <translation>&apos;{true}&apos; 이미지 {total:,}장 중 {count:,}장을 맞혔습니다 ({share:.1f}%)</translation>
    </message>
    <message>
        <source>{count:,} &apos;{true}&apos; images taken for &apos;{predicted}&apos; ({share:.1f}% of them)</source>
        <translation>&apos;{true}&apos; 이미지 {count:,}장을 &apos;{predicted}&apos; 클래스로 잘못 보았습니다 ({share:.1f}%)</translation>
    </message>
    <message>
        <source>Train the network (or open a checkpoint) to see what it gets right and wrong.</source>
        <translation>네트워크를 학습하면(또는 체크포인트를 열면) 무엇을 맞히고 무엇을 틀리는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Classify the validation set with the current weights</source>
        <translation>현재 가중치로 검증 세트를 분류합니다</translation>
    </message>
    <message>
        <source>Validation images appear here, marked right (green) or wrong (red).</source>
        <translation>검증 이미지가 여기에 나타나며, 맞힌 것은 초록색, 틀린 것은 빨간색으로 표시됩니다.</translation>
    </message>
    <message>
        <source>the weights after {steps:,} steps</source>
        <translation>{steps:,} 스텝 학습한 가중치</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation accuracy {accuracy:.1f}%&lt;/b&gt; with {whose}: {right:,} of {total:,} right. On the right: {wrong:,} mistakes first (red, true→predicted), then right answers (green).</source>
        <translation>&lt;b&gt;검증 정확도 {accuracy:.1f}%&lt;/b&gt;, {whose} 기준: {total:,}장 중 {right:,}장을 맞혔습니다. 오른쪽: 틀린 {wrong:,}장이 먼저(빨간색, 실제→예측), 그다음 맞힌 것(초록색)이 나옵니다.</translation>
    </message>
    <message>
        <source>true: {label}
predicted: {predicted} ({sure:.0f}% sure)</source>
        <translation>실제: {label}
예측: {predicted} (확신도 {sure:.0f}%)</translation>
    </message>
    <message>
        <source>No results: {reason}</source>
        <translation>결과 없음: {reason}</translation>
    </message>
    <message>
        <source>No results: {reason}.</source>
        <translation>결과 없음: {reason}.</translation>
    </message>
</context>
<context>
    <name>TrainingRunControls</name>
    <message>
        <source>Epoch {epoch} of {epochs}</source>
        <translation>에포크 {epoch}/{epochs}</translation>
    </message>
    <message>
        <source>step {step:,} of {steps:,}</source>
        <translation>스텝 {step:,}/{steps:,}</translation>
    </message>
    <message>
        <source>{speed:,.0f} images/s</source>
        <translation>초당 {speed:,.0f}장</translation>
    </message>
    <message>
        <source>estimating the time left…</source>
        <translation>남은 시간 계산 중…</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>약 {time} 남음</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause after the current batch</source>
        <translation>지금 배치가 끝나면 일시 정지합니다</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <source>Stop after the current batch, keeping the weights</source>
        <translation>지금 배치가 끝나면 멈추고 가중치는 유지합니다</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>Go back to the seed&apos;s initial weights</source>
        <translation>시드의 초기 가중치로 돌아갑니다</translation>
    </message>
    <message>
        <source>Save checkpoint…</source>
        <translation>체크포인트 저장…</translation>
    </message>
    <message>
        <source>Save the network, its weights and the run</source>
        <translation>네트워크와 가중치, 실행 기록을 저장합니다</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>체크포인트 열기…</translation>
    </message>
    <message>
        <source>Open a saved network with its weights</source>
        <translation>저장한 네트워크를 가중치와 함께 엽니다</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Go on training</source>
        <translation>학습을 계속합니다</translation>
    </message>
    <message>
        <source>Cannot train: {reason}</source>
        <translation>학습할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Train the network on the dataset</source>
        <translation>데이터셋으로 네트워크를 학습합니다</translation>
    </message>
</context>
<context>
    <name>TrainingRunState</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <source>{minutes} min {seconds:02d} s</source>
        <translation>{minutes}분 {seconds:02d}초</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours}시간 {minutes:02d}분</translation>
    </message>
    <message>
        <source>Failed at step {step:,}</source>
        <translation>스텝 {step:,}에서 실패</translation>
    </message>
    <message>
        <source>⚠ Cannot train: {problem}</source>
        <translation>⚠ 학습할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <source>Stopped before the run began</source>
        <translation>실행이 시작되기 전에 멈췄습니다</translation>
    </message>
    <message>
        <source>⚠ Training stopped. {reason}.</source>
        <translation>⚠ 학습이 멈췄습니다. {reason}.</translation>
    </message>
    <message>
        <source>What to do: {suggestion}.</source>
        <translation>해결 방법: {suggestion}.</translation>
    </message>
    <message>
        <source>Stopped (weights kept) after {epochs:,} epochs in {time}</source>
        <translation>{epochs:,} 에포크를 {time} 동안 학습한 뒤 멈춤(가중치 유지)</translation>
    </message>
    <message>
        <source>Stopped (weights kept) after 1 epoch in {time}</source>
        <translation>1 에포크를 {time} 동안 학습한 뒤 멈춤(가중치 유지)</translation>
    </message>
    <message>
        <source>Finished {epochs:,} epochs in {time}</source>
        <translation>{epochs:,} 에포크를 {time} 만에 마침</translation>
    </message>
    <message>
        <source>Finished 1 epoch in {time}</source>
        <translation>1 에포크를 {time} 만에 마침</translation>
    </message>
    <message>
        <source>validation accuracy {accuracy:.1f}% at the last epoch (best {best:.1f}% at epoch {epoch})</source>
        <translation>마지막 에포크의 검증 정확도 {accuracy:.1f}% (최고 {best:.1f}%, 에포크 {epoch})</translation>
    </message>
    <message>
        <source>validation accuracy {accuracy:.1f}% at the last epoch</source>
        <translation>마지막 에포크의 검증 정확도 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>the dataset cannot be opened: {error}</source>
        <translation>데이터셋을 열 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>opening the dataset…</source>
        <translation>데이터셋을 여는 중…</translation>
    </message>
    <message>
        <source>The network is locked while it trains; stop the run to edit it.</source>
        <translation>학습하는 동안에는 네트워크가 잠깁니다. 편집하려면 실행을 멈추세요.</translation>
    </message>
    <message>
        <source>The next run continues from the trained weights (1 step so far); Reset weights starts again from the seed&apos;s initial weights.</source>
        <translation>다음 실행은 학습된 가중치(지금까지 1스텝)에서 이어 갑니다. &apos;가중치 초기화&apos;를 누르면 시드의 초기 가중치에서 다시 시작합니다.</translation>
    </message>
    <message>
        <source>The next run continues from the trained weights ({steps:,} steps so far); Reset weights starts again from the seed&apos;s initial weights.</source>
        <translation>다음 실행은 학습된 가중치(지금까지 {steps:,}스텝)에서 이어 갑니다. &apos;가중치 초기화&apos;를 누르면 시드의 초기 가중치에서 다시 시작합니다.</translation>
    </message>
    <message>
        <source>The next run starts from the checkpoint&apos;s weights.</source>
        <translation>다음 실행은 체크포인트의 가중치에서 시작합니다.</translation>
    </message>
    <message>
        <source>The next run starts from fresh initial weights (seed {seed}).</source>
        <translation>다음 실행은 새 초기 가중치(시드 {seed})에서 시작합니다.</translation>
    </message>
    <message>
        <source>they were for another network; train this one or open a checkpoint</source>
        <translation>다른 네트워크의 결과였습니다. 이 네트워크를 학습하거나 체크포인트를 여세요</translation>
    </message>
    <message>
        <source>the weights were reset; train the network to see what it learns</source>
        <translation>가중치를 초기화했습니다. 무엇을 배우는지 보려면 네트워크를 학습하세요</translation>
    </message>
    <message>
        <source>the weights changed after they were computed; Update classifies with the current ones</source>
        <translation>결과를 계산한 뒤 가중치가 바뀌었습니다. &apos;새로 고침&apos;을 누르면 현재 가중치로 분류합니다</translation>
    </message>
    <message>
        <source>the weights of this run&apos;s last finished epoch (1 step trained)</source>
        <translation>이 실행에서 마지막으로 끝난 에포크의 가중치(1스텝 학습)</translation>
    </message>
    <message>
        <source>the weights of this run&apos;s last finished epoch ({steps:,} steps trained)</source>
        <translation>이 실행에서 마지막으로 끝난 에포크의 가중치({steps:,}스텝 학습)</translation>
    </message>
    <message>
        <source>the current weights (1 step trained)</source>
        <translation>현재 가중치(1스텝 학습)</translation>
    </message>
    <message>
        <source>the current weights ({steps:,} steps trained)</source>
        <translation>현재 가중치({steps:,}스텝 학습)</translation>
    </message>
</context>
<context>
    <name>TrainingRuns</name>
    <message>
        <source>{number}. {network} on {dataset}, {optimizer} lr {lr:g}</source>
        <translation>{number}. {network}, {dataset}, {optimizer} 학습률 {lr:g}</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>training… {accuracy}</source>
        <translation>학습 중… {accuracy}</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>실패: {reason}</translation>
    </message>
    <message>
        <source>stopped before the first epoch ended</source>
        <translation>첫 에포크가 끝나기 전에 멈춤</translation>
    </message>
    <message>
        <source>stopped, {accuracy}</source>
        <translation>멈춤, {accuracy}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>{accuracy:.1f}% after 1 epoch</source>
        <translation>1 에포크 후 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>{accuracy:.1f}% after {epochs:,} epochs</source>
        <translation>{epochs:,} 에포크 후 {accuracy:.1f}%</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <source>Save the ticked runs&apos; curves as a table (for a spreadsheet)</source>
        <translation>체크한 실행의 곡선을 표로 저장합니다 (스프레드시트용)</translation>
    </message>
    <message>
        <source>One row per epoch…</source>
        <translation>에포크마다 한 행…</translation>
    </message>
    <message>
        <source>One row per step…</source>
        <translation>스텝마다 한 행…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete the selected runs (not the one training)</source>
        <translation>선택한 실행을 삭제합니다 (학습 중인 실행은 제외)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; — tick runs to overlay them</source>
        <translation>&lt;b&gt;실행&lt;/b&gt; — 체크하면 겹쳐 그립니다</translation>
    </message>
    <message>
        <source>{outcome} ({source})</source>
        <translation>{outcome} ({source})</translation>
    </message>
    <message>
        <source>Export the runs as CSV</source>
        <translation>실행을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;All files (*)</source>
        <translation>CSV 표 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>실행 내보내기</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>{path}에 쓸 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>augmentation on, device {device}</source>
        <translation>데이터 증강 켬, 장치 {device}</translation>
    </message>
    <message>
        <source>augmentation off, device {device}</source>
        <translation>데이터 증강 끔, 장치 {device}</translation>
    </message>
    <message>
        <source>{network} on {dataset}</source>
        <translation>{network}, 데이터셋 {dataset}</translation>
    </message>
    <message>
        <source>{optimizer} lr {lr:g}, weight decay {decay:g}</source>
        <translation>{optimizer} 학습률 {lr:g}, 가중치 감쇠 {decay:g}</translation>
    </message>
    <message>
        <source>batch {batch}, {epochs} epochs, schedule {schedule}, seed {seed}</source>
        <translation>배치 {batch}, {epochs} 에포크, 스케줄 {schedule}, 시드 {seed}</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>a third of the epochs</source>
        <translation>에포크의 3분의 1</translation>
    </message>
    <message>
        <source>and horizontal flips</source>
        <translation>좌우 뒤집기도</translation>
    </message>
    <message>
        <source>random crops (small shifts)</source>
        <translation>무작위 자르기 (조금씩 이동)</translation>
    </message>
    <message>
        <source>mixed precision (16-bit)</source>
        <translation>혼합 정밀도 (16비트)</translation>
    </message>
    <message>
        <source>compile first (torch.compile)</source>
        <translation>먼저 컴파일 (torch.compile)</translation>
    </message>
    <message>
        <source>reproducible, also on a GPU</source>
        <translation>GPU에서도 재현 가능</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>Drop every</source>
        <translation>감소 간격</translation>
    </message>
    <message>
        <source>Multiply by</source>
        <translation>곱할 값</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증강</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Repeatability</source>
        <translation>재현성</translation>
    </message>
    <message>
        <source>How the weights follow the gradient. Adam adapts the step of each weight; SGD with momentum is what the classic papers used.</source>
        <translation>가중치가 기울기를 따라 움직이는 방식입니다. Adam은 가중치마다 이동 폭을 조절하고, 모멘텀 SGD는 고전 논문들이 쓴 방식입니다.</translation>
    </message>
    <message>
        <source>How big each step is. Too big and the loss explodes (NaN); too small and it barely moves. Type any value (3e-4) or step along 1, 2, 5.</source>
        <translation>한 스텝의 크기입니다. 너무 크면 손실이 폭발하고(NaN), 너무 작으면 거의 움직이지 않습니다. 아무 값이나 입력하거나(3e-4) 1, 2, 5 단위로 올리고 내릴 수 있습니다.</translation>
    </message>
    <message>
        <source>SGD keeps this fraction of the last step (0.9 is usual).</source>
        <translation>SGD가 직전 스텝에서 이만큼의 비율을 유지합니다 (보통 0.9).</translation>
    </message>
    <message>
        <source>Pulls the weights towards zero to fight overfitting (0 for none; 5e-4 is the ResNet paper&apos;s value).</source>
        <translation>가중치를 0 쪽으로 당겨 과대적합을 막습니다 (0이면 쓰지 않음, 5e-4는 ResNet 논문의 값).</translation>
    </message>
    <message>
        <source>Images per step. Larger batches use more memory; smaller ones are noisier.</source>
        <translation>한 스텝에 쓰는 이미지 수입니다. 배치가 크면 메모리를 더 쓰고, 작으면 잡음이 더 큽니다.</translation>
    </message>
    <message>
        <source>Passes over the training set.</source>
        <translation>학습 세트 전체를 몇 번 훑을지 정합니다.</translation>
    </message>
    <message>
        <source>How the learning rate changes during the run: constant keeps it; step multiplies it by gamma every few epochs; cosine lowers it along a cosine curve to 0 at the end.</source>
        <translation>실행 중에 학습률이 바뀌는 방식입니다. 고정은 그대로 두고, 단계는 몇 에포크마다 감마를 곱하며, 코사인은 코사인 곡선을 따라 끝에서 0까지 낮춥니다.</translation>
    </message>
    <message>
        <source>The step schedule multiplies the rate every this many epochs.</source>
        <translation>단계 스케줄은 이 에포크 수마다 학습률에 값을 곱합니다.</translation>
    </message>
    <message>
        <source>The step schedule multiplies the rate by this.</source>
        <translation>단계 스케줄이 학습률에 곱하는 값입니다.</translation>
    </message>
    <message>
        <source>Fixes the initial weights, the batch order and the validation split: two runs with the same seed start from the same weights. On the CPU they also give the same numbers to the last digit; on a GPU only when &apos;reproducible&apos; is ticked, because the GPU&apos;s fastest algorithms add numbers in a different order each time.</source>
        <translation>초기 가중치, 배치 순서, 검증 세트 분할을 고정합니다. 시드가 같은 두 실행은 같은 가중치에서 시작합니다. CPU에서는 마지막 자리까지 같은 숫자가 나오지만, GPU에서는 &apos;재현 가능&apos;을 체크했을 때만 그렇습니다. GPU의 가장 빠른 알고리즘은 매번 다른 순서로 수를 더하기 때문입니다.</translation>
    </message>
    <message>
        <source>Shows the network shifted copies of the training images, so it learns features that do not depend on the exact position.</source>
        <translation>학습 이미지를 조금씩 옮긴 사본을 네트워크에 보여 주어, 정확한 위치에 기대지 않는 특성을 배우게 합니다.</translation>
    </message>
    <message>
        <source>Mirrors images left-right at random (fine for objects, wrong for digits).</source>
        <translation>이미지를 무작위로 좌우 반전합니다 (사물에는 괜찮지만 숫자에는 맞지 않습니다).</translation>
    </message>
    <message>
        <source>Where to train: a GPU (CUDA, Apple MPS) is much faster than the CPU.</source>
        <translation>학습할 장치입니다. GPU(CUDA, Apple MPS)가 CPU보다 훨씬 빠릅니다.</translation>
    </message>
    <message>
        <source>Computes the forward pass in 16-bit floats on a CUDA GPU: faster, in less memory. GPUs from 2020 on (NVIDIA Ampere and later) use bfloat16, which has the range of 32-bit floats; older ones use float16 with a gradient scaler, which keeps small gradients from rounding to zero.</source>
        <translation>CUDA GPU에서 순전파를 16비트 부동소수점으로 계산해 더 빠르고 메모리를 덜 씁니다. 2020년 이후의 GPU(NVIDIA Ampere 이후)는 32비트 부동소수점과 범위가 같은 bfloat16을 쓰고, 그보다 오래된 GPU는 float16과 기울기 스케일러를 씁니다. 스케일러는 작은 기울기가 0으로 반올림되지 않게 막아 줍니다.</translation>
    </message>
    <message>
        <source>Turns the network into fused GPU code with torch.compile before training. Steps get faster, but the first ones wait while it compiles: seconds for a small network, a minute or more for a large one, and again for the smaller last batch of an epoch.</source>
        <translation>학습 전에 torch.compile로 네트워크를 융합된 GPU 코드로 바꿉니다. 스텝은 빨라지지만 컴파일하는 동안 처음 몇 스텝은 기다립니다. 작은 네트워크는 몇 초, 큰 네트워크는 1분 이상 걸리고, 에포크의 마지막 작은 배치에서 한 번 더 기다립니다.</translation>
    </message>
    <message>
        <source>Uses only deterministic algorithms, so two runs with the same seed give the same numbers on a GPU too. Training on a GPU gets slower, and a network with local response normalisation (AlexNet) cannot train on a GPU this way. On the CPU runs repeat either way.</source>
        <translation>결정적 알고리즘만 써서, 시드가 같은 두 실행이 GPU에서도 같은 숫자를 냅니다. GPU 학습은 느려지고, 국소 응답 정규화가 있는 네트워크(AlexNet)는 이 방식으로 GPU에서 학습할 수 없습니다. CPU에서는 어느 쪽이든 실행이 똑같이 반복됩니다.</translation>
    </message>
    <message>
        <source>auto ({device})</source>
        <translation>자동 ({device})</translation>
    </message>
</context>
<context>
    <name>TrainingWords</name>
    <message>
        <source>Handwritten digits (bundled)</source>
        <translation>손글씨 숫자 (내장)</translation>
    </message>
    <message>
        <source>Drawn shapes (generated)</source>
        <translation>그린 도형 (생성)</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>CIFAR-10</source>
        <translation>CIFAR-10</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>이미지 폴더</translation>
    </message>
    <message>
        <source>1,797 small 8x8 handwritten digits from the UCI repository, shipped with CNN Studio.</source>
        <translation>UCI 저장소의 작은 8x8 손글씨 숫자 1,797개로, CNN Studio에 들어 있습니다.</translation>
    </message>
    <message>
        <source>Ten kinds of shape drawn at random positions, sizes and colours, made at any image size.</source>
        <translation>열 가지 도형을 무작위 위치, 크기, 색으로 그린 것으로, 어떤 이미지 크기로든 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>70,000 handwritten digits of 28x28 pixels, the classic benchmark LeNet-5 was built for.</source>
        <translation>28x28 픽셀 손글씨 숫자 70,000개로, LeNet-5가 겨냥했던 고전적인 벤치마크입니다.</translation>
    </message>
    <message>
        <source>70,000 28x28 pictures of clothes in ten classes, a harder drop-in for MNIST.</source>
        <translation>열 가지 클래스의 28x28 옷 사진 70,000장으로, MNIST 대신 쓸 수 있는 더 어려운 데이터셋입니다.</translation>
    </message>
    <message>
        <source>60,000 small 32x32 colour photos of ten kinds of object and animal.</source>
        <translation>열 가지 사물과 동물을 찍은 작은 32x32 컬러 사진 60,000장입니다.</translation>
    </message>
    <message>
        <source>Your own pictures: one subfolder per class, each holding PNG, JPEG, BMP or GIF images.</source>
        <translation>직접 준비한 그림: 클래스마다 하위 폴더 하나에 PNG, JPEG, BMP, GIF 이미지를 담습니다.</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>모멘텀 SGD</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>step (× gamma now and then)</source>
        <translation>단계 (때때로 × 감마)</translation>
    </message>
    <message>
        <source>cosine (down to 0)</source>
        <translation>코사인 (0까지)</translation>
    </message>
    <message>
        <source>The network ends in a {shape} map, so a classifier head is added for training: global average pooling to {channels:,} values and a linear layer to {classes:,} classes ({params:,} parameters, {macs:,} MACs). It is not on the canvas; the plots count it in.</source>
        <translation>네트워크가 {shape} 특성 맵으로 끝나므로 학습에는 분류기 헤드를 덧붙입니다. 전역 평균 풀링으로 값 {channels:,}개를 만들고, 선형 층으로 클래스 {classes:,}개를 냅니다(파라미터 {params:,}개, {macs:,} MACs). 헤드는 캔버스에는 없지만 그래프에서는 함께 셉니다.</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>the network has no valid input: fix its errors first</source>
        <translation>네트워크에 올바른 입력이 없습니다. 먼저 오류를 고치세요</translation>
    </message>
    <message>
        <source>there are no trained weights yet: train the network or open a checkpoint</source>
        <translation>아직 학습된 가중치가 없습니다. 네트워크를 학습하거나 체크포인트를 여세요</translation>
    </message>
    <message>
        <source>an unexpected error stopped it: {error}</source>
        <translation>예상하지 못한 오류로 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>an unexpected error stopped it: {error} (in {function}, {file}:{line})</source>
        <translation>예상하지 못한 오류로 멈췄습니다: {error} ({function}, {file}:{line})</translation>
    </message>
</context>
<context>
    <name>TrainingWorkspace</name>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>곡선</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Accuracy vs cost</source>
        <translation>정확도 대 비용</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Training on {device}, {images:,} images per epoch…</source>
        <translation>{device}에서 학습 중, 에포크당 이미지 {images:,}장…</translation>
    </message>
    <message>
        <source>Paused after step {step:,} — Resume to go on, Stop to end the run.</source>
        <translation>스텝 {step:,} 뒤에 일시 정지했습니다 — &apos;계속&apos;을 누르면 이어 가고, &apos;멈춤&apos;을 누르면 실행을 끝냅니다.</translation>
    </message>
    <message>
        <source>Classifying the validation set with the weights the run ended with…</source>
        <translation>실행이 끝났을 때의 가중치로 검증 세트를 분류하는 중…</translation>
    </message>
    <message>
        <source>there are no trained weights yet: train the network or open a checkpoint</source>
        <translation>아직 학습된 가중치가 없습니다. 네트워크를 학습하거나 체크포인트를 여세요</translation>
    </message>
    <message>
        <source>The results will update when this epoch ends…</source>
        <translation>이 에포크가 끝나면 결과가 새로 고쳐집니다…</translation>
    </message>
</context>
</TS>
