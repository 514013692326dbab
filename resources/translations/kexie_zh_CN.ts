<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open pages…</source>
        <translation>打开版面(&amp;O)…</translation>
    </message>
    <message>
        <source>Open one or more .txt pages</source>
        <translation>打开一个或多个 .txt 版面</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open every .txt page of a folder</source>
        <translation>打开文件夹中的全部 .txt 版面</translation>
    </message>
    <message>
        <source>&amp;Save decisions</source>
        <translation>保存决定(&amp;S)</translation>
    </message>
    <message>
        <source>Save the decisions on the shown page in a session file beside it</source>
        <translation>把当前版面上的决定保存到它旁边的会话文件中</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Close page</source>
        <translation>关闭版面(&amp;C)</translation>
    </message>
    <message>
        <source>Close the shown page</source>
        <translation>关闭当前显示的版面</translation>
    </message>
    <message>
        <source>Reopen with &amp;encoding…</source>
        <translation>以指定编码重新打开(&amp;E)…</translation>
    </message>
    <message>
        <source>Read the shown page again in an encoding you choose</source>
        <translation>按您选择的编码重新读取当前页面</translation>
    </message>
    <message>
        <source>Page &amp;done</source>
        <translation>版面已完成(&amp;D)</translation>
    </message>
    <message>
        <source>Mark the shown page as reviewed (it is then exported with “all done pages”)</source>
        <translation>将当前版面标记为已审校（“全部已完成版面”导出时包含它）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the clean articles as Word or Markdown</source>
        <translation>将整理好的文章写成 Word 或 Markdown 文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last decision</source>
        <translation>撤销上一个决定</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the undone decision</source>
        <translation>重做刚撤销的决定</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Edit &amp;text…</source>
        <translation>编辑文字(&amp;T)…</translation>
    </message>
    <message>
        <source>Retype the title, byline or paragraph at the cursor</source>
        <translation>改写光标处的标题、署名或段落</translation>
    </message>
    <message>
        <source>&amp;Next open suggestion</source>
        <translation>下一条待定建议(&amp;N)</translation>
    </message>
    <message>
        <source>Go to the next suggestion you have not decided</source>
        <translation>转到下一条尚未决定的建议</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一条</translation>
    </message>
    <message>
        <source>&amp;Previous open suggestion</source>
        <translation>上一条待定建议(&amp;P)</translation>
    </message>
    <message>
        <source>Go to the previous suggestion you have not decided</source>
        <translation>转到上一条尚未决定的建议</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一条</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>Accept the selected suggestion and go to the next</source>
        <translation>接受所选建议并转到下一条</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Reject the selected suggestion and go to the next</source>
        <translation>拒绝所选建议并转到下一条</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Re&amp;open</source>
        <translation>重新待定(&amp;O)</translation>
    </message>
    <message>
        <source>Forget the decision on the selected suggestion</source>
        <translation>撤回对所选建议的决定</translation>
    </message>
    <message>
        <source>Accept all of this &amp;kind</source>
        <translation>接受全部同类建议(&amp;K)</translation>
    </message>
    <message>
        <source>Accept every suggestion of the selected kind (one undo step)</source>
        <translation>接受所选类别的全部建议（一步即可撤销）</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Reject all of this k&amp;ind</source>
        <translation>拒绝全部同类建议(&amp;I)</translation>
    </message>
    <message>
        <source>Reject every suggestion of the selected kind (one undo step)</source>
        <translation>拒绝所选类别的全部建议（一步即可撤销）</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>&amp;Doubtful first</source>
        <translation>可疑的优先(&amp;D)</translation>
    </message>
    <message>
        <source>List and walk the suggestions with the lowest confidence first</source>
        <translation>先列出并逐条处理置信度最低的建议</translation>
    </message>
    <message>
        <source>&amp;Split article here</source>
        <translation>在此分篇(&amp;S)</translation>
    </message>
    <message>
        <source>A new article starts with the block at the cursor: that block is its title</source>
        <translation>从光标所在文字块开始新文章：该文字块作为标题</translation>
    </message>
    <message>
        <source>Take the block at the cursor (or the selected blocks) to move it</source>
        <translation>取出光标处（或所选）的文字块以便移动</translation>
    </message>
    <message>
        <source>Put the cut blocks before the block at the cursor</source>
        <translation>把剪切的文字块放到光标处文字块之前</translation>
    </message>
    <message>
        <source>Split block at this &amp;line</source>
        <translation>在此行拆分文字块(&amp;L)</translation>
    </message>
    <message>
        <source>Cut the block before the cursor&apos;s line (or before each selected line)</source>
        <translation>在光标所在行（或所选各行）之前拆开文字块</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>拆行</translation>
    </message>
    <message>
        <source>Cut block at the c&amp;ursor</source>
        <translation>在光标处拆开文字块(&amp;U)</translation>
    </message>
    <message>
        <source>Cut the block in two right at the cursor, even inside a sentence</source>
        <translation>就在光标处把文字块一分为二，即使在句子中间</translation>
    </message>
    <message>
        <source>&amp;Join with the piece before</source>
        <translation>与前一块连接(&amp;J)</translation>
    </message>
    <message>
        <source>The block at the cursor continues the one before it (selected blocks: join them)</source>
        <translation>光标处的文字块接续前一块（选中多块时：连成一块）</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Join wrapped &amp;lines into paragraphs</source>
        <translation>把折行连回段落(&amp;L)</translation>
    </message>
    <message>
        <source>The selected printed lines back into paragraphs: a full line runs on, a shorter one ends its paragraph</source>
        <translation>把所选的排印行连回段落：排满的一行接续下一行，较短的一行结束本段</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>成段</translation>
    </message>
    <message>
        <source>Lines as &amp;one title</source>
        <translation>多行合为一个标题(&amp;O)</translation>
    </message>
    <message>
        <source>The selected lines are one headline printed over several lines</source>
        <translation>所选各行是分行排印的同一个标题</translation>
    </message>
    <message>
        <source>One title</source>
        <translation>合为标题</translation>
    </message>
    <message>
        <source>T&amp;wo columns read line by line</source>
        <translation>两栏被逐行交错读入(&amp;W)</translation>
    </message>
    <message>
        <source>The selected lines alternate between two columns: put each column&apos;s lines together</source>
        <translation>所选各行在两栏之间交替：把每栏的行归到一起</translation>
    </message>
    <message>
        <source>2 columns</source>
        <translation>两栏</translation>
    </message>
    <message>
        <source>Move &amp;up in reading order</source>
        <translation>在阅读顺序中上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected blocks one place earlier in the reading order</source>
        <translation>把所选文字块在阅读顺序中前移一位</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move do&amp;wn in reading order</source>
        <translation>在阅读顺序中下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected blocks one place later in the reading order</source>
        <translation>把所选文字块在阅读顺序中后移一位</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>&amp;Reading order</source>
        <translation>阅读顺序(&amp;R)</translation>
    </message>
    <message>
        <source>List the page&apos;s blocks in reading order, numbered in the raw page; drag or Alt+Up/Down to reorder</source>
        <translation>按阅读顺序列出版面的文字块，并在原始版面中编号；拖动或按 Alt+上/下 调整顺序</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Show &amp;changes</source>
        <translation>显示修改(&amp;C)</translation>
    </message>
    <message>
        <source>Mark in the article what was joined, dropped, removed or changed, like Track Changes</source>
        <translation>像“修订”一样在文章中标出接续、删除、去除或改动之处</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分篇</translation>
    </message>
    <message>
        <source>&amp;Merge with previous article</source>
        <translation>与上一篇合并(&amp;M)</translation>
    </message>
    <message>
        <source>Fold the current article into the one before it</source>
        <translation>把当前文章并入前一篇</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>The block at the cursor is a headline</source>
        <translation>光标处的文字块是标题</translation>
    </message>
    <message>
        <source>&amp;Subtitle</source>
        <translation>副题(&amp;S)</translation>
    </message>
    <message>
        <source>The block at the cursor is a subtitle under the headline</source>
        <translation>光标处的文字块是标题下的副题</translation>
    </message>
    <message>
        <source>&amp;Kicker</source>
        <translation>引题(&amp;K)</translation>
    </message>
    <message>
        <source>The block at the cursor is a kicker above the headline</source>
        <translation>光标处的文字块是标题上方的引题</translation>
    </message>
    <message>
        <source>&amp;Byline</source>
        <translation>署名(&amp;B)</translation>
    </message>
    <message>
        <source>The block at the cursor is the byline</source>
        <translation>光标处的文字块是署名</translation>
    </message>
    <message>
        <source>B&amp;ody text</source>
        <translation>正文(&amp;O)</translation>
    </message>
    <message>
        <source>The block at the cursor is ordinary body text</source>
        <translation>光标处的文字块是普通正文</translation>
    </message>
    <message>
        <source>&amp;Furniture (remove)</source>
        <translation>版面杂项（删除）(&amp;F)</translation>
    </message>
    <message>
        <source>The block at the cursor is page furniture: leave it out</source>
        <translation>光标处的文字块是版面杂项：不收入文章</translation>
    </message>
    <message>
        <source>&amp;Restore removed block</source>
        <translation>恢复已删除的文字块(&amp;R)</translation>
    </message>
    <message>
        <source>Bring a removed block (furniture, repeat) back as body text</source>
        <translation>把已删除的文字块（杂项、重复段）作为正文恢复</translation>
    </message>
    <message>
        <source>Cu&amp;t block</source>
        <translation>剪切文字块(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Paste block before cursor</source>
        <translation>在光标前粘贴文字块(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every command and its keys</source>
        <translation>列出全部命令及其按键</translation>
    </message>
    <message>
        <source>&amp;About kexie</source>
        <translation>关于 kexie(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本与许可证</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Section: {name}</source>
        <translation>栏目：{name}</translation>
    </message>
    <message>
        <source>Click to select this suggestion; right-click to accept or reject it</source>
        <translation>单击选中这条建议；右击可接受或拒绝</translation>
    </message>
    <message>
        <source>This line is not part of the article&apos;s text.</source>
        <translation>这一行不属于文章正文。</translation>
    </message>
    <message>
        <source>Edit one paragraph at a time; to join paragraphs, press Backspace at the start of the second one.</source>
        <translation>请一次只编辑一个段落；要合并段落，请在后一段开头按退格键。</translation>
    </message>
    <message>
        <source>To join the next paragraph to this one, press Backspace at its start.</source>
        <translation>要把下一段并入本段，请在下一段开头按退格键。</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>There is nothing to save yet.</source>
        <extracomment>pages longer than this (characters) are recomputed off the GUI thread &quot;accept all of this kind&quot; records one command per suggestion up to this many, one in all above</extracomment>
        <translation>还没有可保存的内容。</translation>
    </message>
    <message>
        <source>Reading {name} (OCR)…</source>
        <translation>正在识别 {name}（OCR）…</translation>
    </message>
    <message>
        <source>Reading {name} was cancelled.</source>
        <translation>已取消识别 {name}。</translation>
    </message>
    <message>
        <source>Analysing {name}…</source>
        <translation>正在分析 {name}…</translation>
    </message>
    <message>
        <source>Analysis of {name} failed: {why}</source>
        <translation>{name} 分析失败：{why}</translation>
    </message>
    <message>
        <source>Updating {name}…</source>
        <translation>正在更新 {name}…</translation>
    </message>
    <message>
        <source>no headline follows this kicker</source>
        <translation>这条引题下面没有标题</translation>
    </message>
    <message>
        <source>the article&apos;s text begins before this subtitle</source>
        <translation>文章正文在这条副题之前已经开始</translation>
    </message>
    <message>
        <source>the article has its subtitle already</source>
        <translation>这篇文章已经有副题</translation>
    </message>
    <message>
        <source>its first piece is not text of the same article</source>
        <translation>它的前一部分不属于同一篇文章的正文</translation>
    </message>
    <message>
        <source>its kept copy is dropped too; dropping both would lose the text</source>
        <translation>它保留的那一份也被删除了；两份都删会丢失文字</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新待定</translation>
    </message>
    <message>
        <source>{verb}: {kind}, line {line}</source>
        <translation>{verb}：{kind}，第 {line} 行</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>Mark line {line} as {role}</source>
        <translation>将第 {line} 行标为{role}</translation>
    </message>
    <message>
        <source>Put the cursor inside a text block to split there.</source>
        <translation>请把光标放在要分篇的文字块内。</translation>
    </message>
    <message>
        <source>Split article at line {line}</source>
        <translation>在第 {line} 行分篇</translation>
    </message>
    <message>
        <source>Cut the block at line {line}</source>
        <translation>在第 {line} 行拆开文字块</translation>
    </message>
    <message>
        <source>Each of these lines starts a block already.</source>
        <translation>这些行都已经是文字块的开头。</translation>
    </message>
    <message>
        <source>Split {n} line(s) off their blocks at line {line}</source>
        <translation>从第 {line} 行起把 {n} 行拆成单独的文字块</translation>
    </message>
    <message>
        <source>The first article has no article before it.</source>
        <translation>第一篇文章前面没有文章。</translation>
    </message>
    <message>
        <source>Merge article {n} with the previous one</source>
        <translation>将第 {n} 篇与上一篇合并</translation>
    </message>
    <message>
        <source>Move {n} block(s) before line {line}</source>
        <translation>将 {n} 个文字块移到第 {line} 行之前</translation>
    </message>
    <message>
        <source>Move {n} block(s) up from line {line}</source>
        <translation>把第 {line} 行起的 {n} 个文字块上移</translation>
    </message>
    <message>
        <source>Move {n} block(s) down from line {line}</source>
        <translation>把第 {line} 行起的 {n} 个文字块下移</translation>
    </message>
    <message>
        <source>Join {n} piece(s) at line {line}</source>
        <translation>连接第 {line} 行处的 {n} 块</translation>
    </message>
    <message>
        <source>Join line {line} to the text before it</source>
        <translation>把第 {line} 行接到前文</translation>
    </message>
    <message>
        <source>Lines {first}–{last} as one title</source>
        <translation>第 {first}–{last} 行合为一个标题</translation>
    </message>
    <message>
        <source>Select the lines to join into paragraphs first.</source>
        <translation>请先选中要连成段落的各行。</translation>
    </message>
    <message>
        <source>Join {n} wrapped line(s) into their paragraphs</source>
        <translation>把 {n} 个折行连回所在段落</translation>
    </message>
    <message>
        <source>Select at least three lines read across two columns.</source>
        <translation>请至少选中三行跨两栏逐行读入的文字。</translation>
    </message>
    <message>
        <source>Two columns read line by line at lines {first}–{last}: {n} lines reordered</source>
        <translation>第 {first}–{last} 行是逐行交错读入的两栏：已重排 {n} 行</translation>
    </message>
    <message>
        <source>Block cut; put the cursor where it belongs and paste.</source>
        <translation>文字块已剪切；把光标放到目标位置后粘贴。</translation>
    </message>
    <message>
        <source>Edit text of article {n}</source>
        <translation>编辑第 {n} 篇的文字</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Internal error: {what}</source>
        <translation>内部错误：{what}</translation>
    </message>
    <message>
        <source>This is a bug in kexie. The details were written to:</source>
        <translation>这是 kexie 的程序错误。详细信息已写入：</translation>
    </message>
    <message>
        <source>Your decisions are kept (autosave); you can go on working, or save and restart kexie to be safe. Please send the log file with a report.</source>
        <translation>您的决定已保留（自动保存）；可以继续工作，稳妥起见也可以保存后重新启动 kexie。报告问题时请附上该日志文件。</translation>
    </message>
</context>
<context>
    <name>EditTextDialog</name>
    <message>
        <source>Edit text</source>
        <translation>编辑文字</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档 (.docx)</translation>
    </message>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4（210 × 297 毫米）</translation>
    </message>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Letter（8.5 × 11 英寸）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The shown page</source>
        <translation>当前显示的版面</translation>
    </message>
    <message>
        <source>All pages marked done ({n})</source>
        <translation>全部已完成的版面（{n} 个）</translation>
    </message>
    <message>
        <source>Reporter line under the headline, as printed</source>
        <translation>记者行按版面留在标题下</translation>
    </message>
    <message>
        <source>Trailing byline in （full-width parentheses）, as printed</source>
        <translation>文末署名按版面加（全角括号）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>版面：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Word layout</source>
        <translation>Word 版式</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Each page becomes one file named after the page.</source>
        <translation>每个版面写成一个文件，以版面文件名命名。</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kept copy</source>
        <translation>保留份</translation>
    </message>
    <message>
        <source>repeat (one colour per group)</source>
        <translation>重复份（每组一种颜色）</translation>
    </message>
    <message>
        <source>furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <source>broken join</source>
        <translation>断段接续处</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No page open</source>
        <translation>尚未打开版面</translation>
    </message>
    <message>
        <source>Drop .txt pages or a whole folder anywhere in this window, or use File › Open pages… (Ctrl+O). Your decisions are saved beside each page with File › Save decisions (Ctrl+S), and kept automatically until you do.</source>
        <translation>把 .txt 版面或整个文件夹拖到本窗口任意位置，或使用“文件 › 打开版面…”（Ctrl+O）。用“文件 › 保存决定”（Ctrl+S）把决定保存在各版面旁边；保存之前，kexie 会自动保留您的决定。</translation>
    </message>
    <message>
        <source>Open the sample page</source>
        <translation>打开示例版面</translation>
    </message>
    <message>
        <source>Open pages…</source>
        <translation>打开版面…</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Raw page</source>
        <translation>原始版面</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Drop .txt pages or a folder here, or use File › Open.</source>
        <translation>把 .txt 版面或文件夹拖到这里，或使用“文件 › 打开”。</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Reading order</source>
        <translation>阅读顺序</translation>
    </message>
    <message>
        <source>Page as opened</source>
        <translation>打开时的版面</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>Open pages</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <source>Pages (*.txt *.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;Text pages (*.txt);;All files (*)</source>
        <translation>版面文件 (*.txt *.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp);;文本版面 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>These pages have decisions that are not saved:</source>
        <translation>以下版面有尚未保存的决定：</translation>
    </message>
    <message>
        <source>Save your decisions?</source>
        <translation>保存您的决定吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>kexie did not close normally last time.</source>
        <translation>kexie 上次没有正常关闭。</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作吗？</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>{name} was changed on disk by another program.</source>
        <translation>{name} 已被其他程序在磁盘上修改。</translation>
    </message>
    <message>
        <source>Reload reads the new text and carries your decisions over to it; decisions whose text is gone are listed. Keep current goes on with the text shown here.</source>
        <translation>“重新载入”读取新文字并把您的决定转移过去；文字已不存在的决定会列出来。“保留当前”则继续使用这里显示的文字。</translation>
    </message>
    <message>
        <source>Your unsaved decisions are kept either way.</source>
        <translation>无论选哪一项，您未保存的决定都会保留。</translation>
    </message>
    <message>
        <source>Page changed on disk</source>
        <translation>版面已在磁盘上改动</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>保留当前</translation>
    </message>
    <message>
        <source>Reopen with encoding</source>
        <translation>以指定编码重新打开</translation>
    </message>
    <message>
        <source>Read {name} as:</source>
        <translation>{name} 的编码：</translation>
    </message>
    <message>
        <source>About kexie</source>
        <translation>关于 kexie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;kexie {version}&lt;/h3&gt;&lt;p&gt;Turns damaged OCR text of newspaper pages (科协报) into clean articles. Every change is a suggestion you can accept, reject or undo.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;kexie {version}&lt;/h3&gt;&lt;p&gt;把受损的报纸版面（科协报）OCR 文本整理成干净的文章。每处改动都是一条建议，可以接受、拒绝或撤销。&lt;/p&gt;&lt;p&gt;MIT 许可证。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审校(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Structure</source>
        <translation>结构(&amp;S)</translation>
    </message>
    <message>
        <source>Mark block &amp;as</source>
        <translation>将文字块标为(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>OcrProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop reading this page; it is closed</source>
        <translation>停止识别此版面，并关闭它</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>¶</source>
        <translation>段</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>PagesModel</name>
    <message>
        <source>analysing…</source>
        <translation>分析中…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新打开</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审校中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>{n} open</source>
        <translation>{n} 条待定</translation>
    </message>
    <message>
        <source>* decisions not saved yet (File › Save decisions)</source>
        <translation>* 决定尚未保存（文件 › 保存决定）</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <source>Drop .txt pages or a folder here.</source>
        <translation>把 .txt 版面或文件夹拖到这里。</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Autosave works again.</source>
        <translation>自动保存已恢复正常。</translation>
    </message>
    <message>
        <source>{name} is back on disk.</source>
        <translation>{name} 已重新出现在磁盘上。</translation>
    </message>
    <message>
        <source>Export is not available in this installation</source>
        <translation>此安装不含导出功能</translation>
    </message>
    <message>
        <source>{name} is not an encoding kexie knows.</source>
        <translation>kexie 不认识编码 {name}。</translation>
    </message>
    <message>
        <source>Nothing to save yet.</source>
        <translation>还没有可保存的内容。</translation>
    </message>
    <message>
        <source>Your decisions were not saved (they are still here):</source>
        <translation>您的决定没有保存（它们仍在这里）：</translation>
    </message>
    <message>
        <source>Saved {n} decision(s) of {name} to {path}</source>
        <translation>已把 {name} 的 {n} 项决定保存到 {path}</translation>
    </message>
    <message>
        <source>Saved the decisions of {n} pages.</source>
        <translation>已保存 {n} 个版面的决定。</translation>
    </message>
    <message>
        <source>Some autosave files could not be read; each was set aside and kept, and the others are offered:</source>
        <translation>有些自动保存文件无法读取，已逐一移到一旁保留，其余的照常提供恢复：</translation>
    </message>
    <message>
        <source>{name} opened without its saved decisions: {why}</source>
        <translation>{name} 已打开，但未带上保存的决定：{why}</translation>
    </message>
    <message>
        <source>Reloaded {name} from disk: {restored} of {total} decision(s) carried over, {lost} lost.</source>
        <translation>已从磁盘重新载入 {name}：{total} 项决定中转移了 {restored} 项，丢失 {lost} 项。</translation>
    </message>
    <message>
        <source>Recovered {n} unsaved decision(s) of {name}.</source>
        <translation>已恢复 {name} 的 {n} 项未保存决定。</translation>
    </message>
    <message>
        <source>Recovered the unsaved decisions of {n} pages:</source>
        <translation>已恢复 {n} 个版面未保存的决定：</translation>
    </message>
    <message>
        <source>Autosave failed; your decisions are still here and kexie will try again:</source>
        <translation>自动保存失败；您的决定仍在这里，kexie 稍后会再试：</translation>
    </message>
    <message>
        <source>Kept the text shown; {name} on disk differs from it.</source>
        <translation>已保留当前显示的文字；磁盘上的 {name} 与之不同。</translation>
    </message>
    <message>
        <source>{name} was deleted or moved on disk. It stays open here with its text and your decisions; File › Save decisions still saves them (to {where}).</source>
        <translation>{name} 已在磁盘上被删除或移走。它仍在这里打开，文字和您的决定都在；“文件 › 保存决定”仍可保存决定（保存到 {where}）。</translation>
    </message>
    <message>
        <source>{n} suggestion(s) on {name} are still open (you have not accepted or rejected them; {d} of them doubtful). Open ones apply as proposed.</source>
        <translation>{name} 上还有 {n} 条建议待定（尚未接受或拒绝，其中 {d} 条可疑）。待定的建议按建议执行。</translation>
    </message>
    <message>
        <source>Mark the page done anyway?</source>
        <translation>仍然把这个版面标为已完成吗？</translation>
    </message>
    <message>
        <source>Mark page done?</source>
        <translation>标为已完成？</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>removed ({why})</source>
        <translation>已删除（{why}）</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>paragraph {n}</source>
        <translation>第 {n} 段</translation>
    </message>
    <message>
        <source>article {n}, {what}</source>
        <translation>第 {n} 篇，{what}</translation>
    </message>
    <message>
        <source>Select a suggestion or a kind first.</source>
        <translation>请先选择一条建议或一个类别。</translation>
    </message>
    <message>
        <source>{n} suggestion(s) decided.</source>
        <translation>已决定 {n} 条建议。</translation>
    </message>
    <message>
        <source>No open suggestion left.</source>
        <translation>没有待定的建议了。</translation>
    </message>
    <message>
        <source>Only paragraphs can be cut with Enter.</source>
        <translation>只有段落可以用回车键拆开。</translation>
    </message>
    <message>
        <source>Put the cursor inside the paragraph, where it should be cut.</source>
        <translation>请把光标放在段落中要拆开的位置。</translation>
    </message>
    <message>
        <source>This paragraph was retyped; cut it in the raw page (Structure › Cut block at the cursor).</source>
        <translation>这一段已被改写；请在原始版面中拆开（结构 › 在光标处拆开文字块）。</translation>
    </message>
    <message>
        <source>Put the cursor before a character of the page to cut there.</source>
        <translation>请把光标放在版面原有的某个字之前再拆开。</translation>
    </message>
    <message>
        <source>Only a paragraph after another one can be joined to it.</source>
        <translation>只有前面还有段落的段落才能并入前一段。</translation>
    </message>
    <message>
        <source>A retyped paragraph cannot be joined; join the blocks in the raw page (Structure › Join with the piece before).</source>
        <translation>改写过的段落不能合并；请在原始版面中连接文字块（结构 › 与前一块连接）。</translation>
    </message>
    <message>
        <source>Click in the raw page or the article text first.</source>
        <translation>请先在原始版面或文章中点一下。</translation>
    </message>
    <message>
        <source>The cursor is not inside a text block.</source>
        <translation>光标不在文字块内。</translation>
    </message>
    <message>
        <source>Click in the article to merge first.</source>
        <translation>请先在要合并的文章中单击。</translation>
    </message>
    <message>
        <source>Mark {n} blocks as {role}</source>
        <translation>把 {n} 个文字块标为{role}</translation>
    </message>
    <message>
        <source>Restore {n} blocks</source>
        <translation>恢复 {n} 个文字块</translation>
    </message>
    <message>
        <source>Select the lines read across two columns first.</source>
        <translation>请先选中跨两栏逐行读入的各行。</translation>
    </message>
    <message>
        <source>{folder}: the export folder does not exist</source>
        <translation>{folder}：导出文件夹不存在</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>this is an open page; an export never replaces it</source>
        <translation>这是已打开的页面，导出绝不会覆盖它</translation>
    </message>
    <message>
        <source>These files exist already:</source>
        <translation>以下文件已存在：</translation>
    </message>
    <message>
        <source>Replace them?</source>
        <translation>要替换吗？</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>Exported {n} file(s) to {folder}</source>
        <translation>已导出 {n} 个文件到 {folder}</translation>
    </message>
    <message>
        <source>The Chinese translation file is missing.</source>
        <translation>缺少中文翻译文件。</translation>
    </message>
</context>
<context>
    <name>RawPane</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>The page&apos;s text, line by line</source>
        <translation>版面的文字，逐行显示</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>The printed page: boxes tinted by article, numbered in reading order; drag a number to read that block earlier</source>
        <translation>印刷版面：按文章着色的文字框，按阅读顺序编号；拖动编号可让该块提前阅读</translation>
    </message>
</context>
<context>
    <name>RawView</name>
    <message>
        <source>The copy that is kept of a repeated passage</source>
        <translation>重复段落中保留的那一份</translation>
    </message>
    <message>
        <source>You retyped this text</source>
        <translation>这段文字是您改写的</translation>
    </message>
    <message>
        <source>You moved this piece; the numbers in the gutter give the reading order</source>
        <translation>这一块是您移动过的；行号旁的数字是阅读顺序</translation>
    </message>
    <message>
        <source>You joined this piece to the one before it</source>
        <translation>您把这一块接到了前一块后面</translation>
    </message>
    <message>
        <source>Article {n}: {title}</source>
        <translation>第 {n} 篇：{title}</translation>
    </message>
    <message>
        <source>Piece {n} in reading order</source>
        <translation>阅读顺序中的第 {n} 块</translation>
    </message>
    <message>
        <source>Kept copy of repeat group {n}</source>
        <translation>重复组 {n} 的保留份</translation>
    </message>
    <message>
        <source>Repeat of group {n}</source>
        <translation>重复组 {n} 的重复份</translation>
    </message>
    <message>
        <source>Cut: paste it where it belongs</source>
        <translation>已剪切：请粘贴到应在的位置</translation>
    </message>
</context>
<context>
    <name>ReadingOrder</name>
    <message>
        <source>(line {lines})</source>
        <translation>（第 {lines} 行）</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>article {n}</source>
        <translation>第 {n} 篇</translation>
    </message>
    <message>
        <source>The blocks in the order they are read, numbered as in the raw page. Drag them, or select some and press {keys} / ↓, to reorder.</source>
        <translation>按阅读顺序排列的文字块，编号与原始版面一致。拖动它们，或选中后按 {keys} / ↓ 调整顺序。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复段</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>– moot</source>
        <translation>– 已无效</translation>
    </message>
    <message>
        <source>✓ accepted</source>
        <translation>✓ 已接受</translation>
    </message>
    <message>
        <source>✗ rejected</source>
        <translation>✗ 已拒绝</translation>
    </message>
    <message>
        <source>○ open (applies)</source>
        <translation>○ 待定（默认采用）</translation>
    </message>
    <message>
        <source>○ open (skipped)</source>
        <translation>○ 待定（默认不用）</translation>
    </message>
    <message>
        <source>Moot: {why}. Deciding it changes nothing.</source>
        <translation>已无效：{why}。对它作出决定不会改变任何内容。</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>只看待定</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
</context>
</TS>
