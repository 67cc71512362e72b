<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>CompareCharts</name>
    <message>
        <source>Parameters per stage</source>
        <translation>단계별 파라미터</translation>
    </message>
    <message>
        <source>MACs per stage</source>
        <translation>단계별 MACs</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>stage (height x width of its maps)</source>
        <translation>단계 (특성 맵의 높이 x 너비)</translation>
    </message>
    <message>
        <source>head</source>
        <translation>헤드</translation>
    </message>
</context>
<context>
    <name>CompareDock</name>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CompareReadout</name>
    <message>
        <source>{network}: no {stage} stage</source>
        <translation>{network}: {stage} 단계 없음</translation>
    </message>
    <message>
        <source>{network} ({layers}): {params} parameters, {macs} MACs</source>
        <translation>{network} ({layers}): 파라미터 {params}개, {macs} MACs</translation>
    </message>
</context>
<context>
    <name>CompareTotals</name>
    <message>
        <source>Network</source>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Weight layers</source>
        <translation>가중치 층</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
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
        <source>Convolutions and fully connected layers, inside blocks and on shortcuts too</source>
        <translation>합성곱 층과 완전 연결 층의 수입니다. 블록 안과 지름길 연결에 있는 층도 셉니다</translation>
    </message>
    <message>
        <source>Weights and biases</source>
        <translation>가중치와 편향</translation>
    </message>
    <message>
        <source>Multiply-accumulates for one image</source>
        <translation>이미지 한 장에 드는 곱셈-누산(MAC)</translation>
    </message>
    <message>
        <source>Additions, comparisons and other operations that are not multiply-accumulates</source>
        <translation>덧셈, 비교처럼 곱셈-누산이 아닌 연산</translation>
    </message>
    <message>
        <source>Values the layers output for one image (the input image included)</source>
        <translation>이미지 한 장에 대해 층들이 출력하는 값의 수 (입력 이미지 포함)</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>출처: {source}</translation>
    </message>
    <message>
        <source>the baseline: the other networks&apos; ratios are taken against it</source>
        <translation>기준 네트워크: 다른 네트워크의 비율은 이 네트워크에 대해 계산합니다</translation>
    </message>
    <message>
        <source>has errors; its figures cover only what could be analysed:</source>
        <translation>오류가 있습니다. 수치는 분석할 수 있었던 부분만 셉니다:</translation>
    </message>
    <message>
        <source>Pin another network to see how it compares with this one.</source>
        <translation>다른 네트워크를 하나 더 고정하면 이 네트워크와 비교해 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{network} against {baseline}: {ratios}.</source>
        <translation>{baseline} 대비 {network}: {ratios}.</translation>
    </message>
    <message>
        <source>(has errors)</source>
        <translation>(오류 있음)</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare networks</source>
        <translation>네트워크 비교</translation>
    </message>
    <message>
        <source>Pin two networks or more to see them side by side: the open network (pin it, edit it, pin it again to see what the edit did), a preset or a file. Or pick one of the lecture&apos;s ready-made comparisons.</source>
        <translation>네트워크를 두 개 이상 고정하면 나란히 비교할 수 있습니다. 열려 있는 네트워크(고정하고, 고친 뒤 다시 고정하면 무엇이 달라졌는지 보입니다), 프리셋, 파일을 고정할 수 있습니다. 강의에서 다룬 비교 중 하나를 골라도 됩니다.</translation>
    </message>
    <message>
        <source>Hover over a stage&apos;s bars to read its exact figures.</source>
        <translation>단계의 막대 위에 마우스를 올리면 정확한 수치를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>the open network</source>
        <translation>열려 있는 네트워크</translation>
    </message>
    <message>
        <source>Networks and ONNX models (*.cnnstudio.json *.onnx);;CNN Studio networks (*.cnnstudio.json);;ONNX models (*.onnx);;JSON files (*.json);;All files (*)</source>
        <translation>네트워크와 ONNX 모델 (*.cnnstudio.json *.onnx);;CNN Studio 네트워크 (*.cnnstudio.json);;ONNX 모델 (*.onnx);;JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Pin the open network</source>
        <translation>열린 네트워크 고정</translation>
    </message>
    <message>
        <source>Pin the open network as it is now; edit it and pin it again to compare before and after</source>
        <translation>열려 있는 네트워크를 지금 모습 그대로 고정합니다. 고친 뒤 다시 고정하면 전후를 비교할 수 있습니다</translation>
    </message>
    <message>
        <source>Pin a file…</source>
        <translation>파일 고정…</translation>
    </message>
    <message>
        <source>Pin a network file or an ONNX model</source>
        <translation>네트워크 파일이나 ONNX 모델을 고정합니다</translation>
    </message>
    <message>
        <source>Use as baseline</source>
        <translation>기준으로 삼기</translation>
    </message>
    <message>
        <source>Compare the others against the selected network</source>
        <translation>선택한 네트워크를 기준으로 나머지를 비교합니다</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>고정 해제</translation>
    </message>
    <message>
        <source>Unpin the selected network</source>
        <translation>선택한 네트워크의 고정을 해제합니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <source>Unpin every network</source>
        <translation>모든 네트워크의 고정을 해제합니다</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Bar heights on a logarithmic scale</source>
        <translation>막대 높이를 로그 눈금으로 그립니다</translation>
    </message>
    <message>
        <source>Ready-made comparisons</source>
        <translation>준비된 비교</translation>
    </message>
    <message>
        <source>Pin a preset</source>
        <translation>프리셋 고정</translation>
    </message>
    <message>
        <source>{name} (after 1 edit)</source>
        <translation>{name} (1번 고친 뒤)</translation>
    </message>
    <message>
        <source>{name} (after {count} edits)</source>
        <translation>{name} ({count}번 고친 뒤)</translation>
    </message>
    <message>
        <source>Cannot pin {file}: {error}</source>
        <translation>{file}을(를) 고정할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Pin a network</source>
        <translation>네트워크 고정</translation>
    </message>
</context>
<context>
    <name>ExercisesController</name>
    <message>
        <source>CNN Studio exercises (*.cnnstudio-exercise.json);;JSON files (*.json);;All files (*)</source>
        <translation>CNN Studio 연습 문제 (*.cnnstudio-exercise.json);;JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>CNN Studio answers (*.cnnstudio-answers.json);;All files (*)</source>
        <translation>CNN Studio 답안 (*.cnnstudio-answers.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>{name} could not be opened as an exercise, so the network you have open stays as it is.

{why}</source>
        <translation>{name}을(를) 연습 문제로 열 수 없어서, 열려 있는 네트워크는 그대로 둡니다.

{why}</translation>
    </message>
    <message>
        <source>{file} is work on the exercise {exercise}; open that exercise to check it</source>
        <translation>{file}은(는) {exercise} 연습 문제의 작업입니다. 확인하려면 그 연습 문제를 여세요</translation>
    </message>
    <message>
        <source>Exercise passed. Save your work (File &gt; Save) to keep it with your file</source>
        <translation>연습 문제를 통과했습니다. 작업을 저장하면(파일 &gt; 저장) 결과가 파일에 함께 남습니다</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>{file}을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>{file} could not be written:

{why}</source>
        <translation>{file}에 쓸 수 없습니다:

{why}</translation>
    </message>
    <message>
        <source>The exercise locks {name}: it must stay as it is</source>
        <translation>연습 문제가 {name} 층을 잠가 두었습니다. 그대로 두어야 합니다</translation>
    </message>
    <message>
        <source>Open an exercise</source>
        <translation>연습 문제 열기</translation>
    </message>
    <message>
        <source>Cannot open the exercise</source>
        <translation>연습 문제를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Save the answers</source>
        <translation>답안 저장</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ExercisesDock</name>
    <message>
        <source>Exercise</source>
        <translation>연습 문제</translation>
    </message>
    <message>
        <source>Open E&amp;xercise…</source>
        <translation>연습 문제 열기(&amp;X)…</translation>
    </message>
    <message>
        <source>Open an exercise file (*.cnnstudio-exercise.json) and work on it</source>
        <translation>연습 문제 파일(*.cnnstudio-exercise.json)을 열어 풉니다</translation>
    </message>
    <message>
        <source>Exerc&amp;ises</source>
        <translation>연습 문제(&amp;I)</translation>
    </message>
    <message>
        <source>An exercise of lesson {lesson} ({id})</source>
        <translation>강의 {lesson}의 연습 문제 ({id})</translation>
    </message>
    <message>
        <source>An exercise ({id})</source>
        <translation>연습 문제 ({id})</translation>
    </message>
</context>
<context>
    <name>ExercisesPanel</name>
    <message>
        <source>No exercise is open. File &gt; Open Exercise… opens one; the exercises that come with CNN Studio are under File &gt; Exercises.</source>
        <translation>열려 있는 연습 문제가 없습니다. 파일 &gt; 연습 문제 열기…로 열 수 있고, CNN Studio에 들어 있는 연습 문제는 파일 &gt; 연습 문제에 있습니다.</translation>
    </message>
    <message>
        <source>The language lessons and exercises are shown in</source>
        <translation>강의와 연습 문제를 보여 줄 언어</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>연습 문제</translation>
    </message>
    <message>
        <source>Goes with lesson {lesson}</source>
        <translation>{lesson} 강의의 연습 문제</translation>
    </message>
    <message>
        <source>Locked layers (keep them as they are): {names}</source>
        <translation>잠긴 층 (그대로 두세요): {names}</translation>
    </message>
    <message>
        <source>Check my answers</source>
        <translation>답 확인</translation>
    </message>
    <message>
        <source>Check every answer and show the arithmetic behind it</source>
        <translation>모든 답을 확인하고 그 계산 과정을 보여 줍니다</translation>
    </message>
    <message>
        <source>Save answers…</source>
        <translation>답안 저장…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Compare your network with the goal and say what to change first</source>
        <translation>네트워크를 목표와 비교하고 먼저 고칠 점을 알려 줍니다</translation>
    </message>
    <message>
        <source>Save my work…</source>
        <translation>내 작업 저장…</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <source>Passed: {message}.</source>
        <translation>통과: {message}.</translation>
    </message>
    <message>
        <source>Not passed yet. Press Check for a hint.</source>
        <translation>아직 통과하지 못했습니다. 확인을 누르면 힌트를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Not passed yet.</source>
        <translation>아직 통과하지 못했습니다.</translation>
    </message>
    <message>
        <source>First fix: {message}.</source>
        <translation>먼저 고칠 점: {message}.</translation>
    </message>
</context>
<context>
    <name>ExercisesPredict</name>
    <message>
        <source>output shape</source>
        <translation>출력 크기</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MAC 수</translation>
    </message>
    <message>
        <source>H x W x C, or a length</source>
        <translation>높이 x 너비 x 채널, 또는 길이</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>정수</translation>
    </message>
    <message>
        <source>The network&apos;s input: {shape}</source>
        <translation>네트워크의 입력: {shape}</translation>
    </message>
</context>
<context>
    <name>LessonsDock</name>
    <message>
        <source>Lessons</source>
        <translation>강의</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>강의(&amp;L)</translation>
    </message>
    <message>
        <source>Read the lessons and do their Try it steps beside the network</source>
        <translation>네트워크 옆에서 강의를 읽고 &apos;직접 해 보기&apos; 단계를 풀어 봅니다</translation>
    </message>
</context>
<context>
    <name>LessonsLinks</name>
    <message>
        <source>The {experiment} experiment is not part of this build of CNN Studio</source>
        <translation>이 CNN Studio에는 {experiment} 실험이 들어 있지 않습니다</translation>
    </message>
    <message>
        <source>depth (plain against residual)</source>
        <translation>깊이 (일반 네트워크 대 잔차 네트워크)</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>항등 함수</translation>
    </message>
    <message>
        <source>Open {target} in the canvas</source>
        <translation>캔버스에서 {target} 열기</translation>
    </message>
    <message>
        <source>Compare {target} side by side</source>
        <translation>{target} 나란히 비교하기</translation>
    </message>
    <message>
        <source>Run the {target} experiment</source>
        <translation>{target} 실험 실행하기</translation>
    </message>
    <message>
        <source>Go to lesson {target}</source>
        <translation>{target} 강의로 가기</translation>
    </message>
    <message>
        <source>Open {target} in the web browser</source>
        <translation>웹 브라우저에서 {target} 열기</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>No lessons could be read.</source>
        <translation>강의를 하나도 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose a lesson</source>
        <translation>강의 고르기</translation>
    </message>
    <message>
        <source>The language lessons and exercises are shown in</source>
        <translation>강의와 연습 문제를 보여 줄 언어</translation>
    </message>
    <message>
        <source>Previous lesson</source>
        <translation>이전 강의</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>다음 강의</translation>
    </message>
</context>
<context>
    <name>LessonsSteps</name>
    <message>
        <source>Step {n}</source>
        <translation>{n}단계</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <source>Start from {preset}</source>
        <translation>{preset}에서 시작</translation>
    </message>
    <message>
        <source>Done: the network does it.</source>
        <translation>완료: 네트워크가 목표를 이루었습니다.</translation>
    </message>
    <message>
        <source>Not yet: {missing}.</source>
        <translation>미완료: {missing}.</translation>
    </message>
    <message>
        <source>{done} of {n} steps done</source>
        <translation>{n}단계 중 {done}단계 완료</translation>
    </message>
</context>
</TS>
