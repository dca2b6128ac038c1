-- book.lua: the pandoc filter behind `make book` (tools/book.sh).
--
-- On a chapter (metadata `lesson`): headings get ids made from their
-- number and title ("## 3 Measuring error" -> "3-measuring-error"), the ids
-- the grader's hints map to (hint_target); figures point into the book's
-- copy; each exercise gets an anchor ("exercise-2") and, when the results of
-- a `make grade` are given (metadata `results`), the student's points and
-- failing tests with links to the sections their hints name.
-- On the contents page (metadata `chapters`): every chapter with its
-- sections, exercises and points, read from the chapters themselves.

local stringify = pandoc.utils.stringify

-- A global, so that tools/book/test.lua can test these functions.
book = {}

function book.slug(text)
  return (text:lower():gsub('[^%w]+', '-'):gsub('^%-+', ''):gsub('%-+$', ''))
end

-- "lessons/01-regression.md, section 3 Measuring error" (a test's hint, or
-- make grade's "next:" line, without the comma) -> the book's link to it.
function book.hint_target(hint)
  local lesson, section = hint:match('lessons/([%w_%-]+)%.md,? section (.-)%s*$')
  if not lesson then return nil end
  return lesson .. '.html#' .. book.slug(section)
end

local function escape(s)
  return (s:gsub('&', '&amp;'):gsub('<', '&lt;'):gsub('>', '&gt;'):gsub('"', '&quot;'))
end

local function json_unescape(s)
  return (s:gsub('\\(.)', { n = '\n', t = '\t', ['"'] = '"', ['\\'] = '\\', ['/'] = '/' }))
end

-- The results file grade.sh writes: one test a line,
-- {"name": "LESSON: suite/test", "score": S, "max_score": M, "status": ..., "output": "..."}
-- Returns results[lesson] = list of {id, score, max, passed, message, hint}.
function book.read_results(path)
  local file = path and path ~= '' and io.open(path)
  if not file then return nil end
  local results = {}
  for line in file:lines() do
    local name, score, max, status, output = line:match(
      '^{"name": "(.-)", "score": (%d+), "max_score": (%d+), "status": "(%a+)", "output": "(.*)"}')
    local lesson, id = (name or ''):match('^(.-): (.*)$')
    if lesson then
      output = json_unescape(output)
      results[lesson] = results[lesson] or {}
      table.insert(results[lesson], {
        id = id, score = tonumber(score), max = tonumber(max), passed = status == 'passed',
        message = output:match('^[^\n]*'), hint = output:match('hint: ([^\n]*)') })
    end
  end
  file:close()
  return results
end

-- "**Exercise 2: measuring error (7 points, tests `errors/*`).**" -> 2,
-- "measuring error", {"errors"}; also "**Exercise 1: digits**. ... (5 points, tests
-- `digits/*`) ... (5 points, tests `last/*`)" -> 1, "digits", {"digits", "last"};
-- nil for any other paragraph.
local function exercise_of(block)
  if block.t ~= 'Para' or not block.content[1] or block.content[1].t ~= 'Strong' then return nil end
  local heading = stringify(block.content[1])
  local number, title = heading:match('^Exercise (%d+): ([^(]-)%s*%(')
  if not number then -- the points follow the bold heading, one claim per suite
    number, title = heading:match('^Exercise (%d+): (.-)[%.%s]*$')
  end
  if not number then return nil end
  local suites, seen = {}, {}
  pandoc.walk_block(block, { Code = function(c) -- a suite may be named more than once
    local suite = c.text:match('^([%w_]+)/%*$')
    if suite and not seen[suite] then
      seen[suite] = true
      table.insert(suites, suite)
    end
  end })
  return tonumber(number), title, suites
end

local function tests_of(results, suites)
  local tests = {}
  for _, t in ipairs(results or {}) do
    for _, suite in ipairs(suites) do
      if t.id:sub(1, #suite + 1) == suite .. '/' then table.insert(tests, t) end
    end
  end
  return tests
end

local function points(tests)
  local got, max, passed = 0, 0, 0
  for _, t in ipairs(tests) do
    got, max = got + t.score, max + t.max
    if t.passed then passed = passed + 1 end
  end
  return got, max, passed
end

local function score_html(got, max)
  local state = got == max and 'done' or (got == 0 and 'todo' or 'part')
  return string.format('<span class="score %s">%d/%d</span>', state, got, max)
end

-- The exercise's tests as the last make grade saw them; a finished one in a line.
local function progress_block(tests)
  local got, max, passed = points(tests)
  local line = string.format('<div class="progress"><p>%s points, %d of %d tests passed</p>',
    score_html(got, max), passed, #tests)
  if passed == #tests then return pandoc.RawBlock('html', line .. '</div>') end
  local html = { line .. '<ul>' }
  for _, t in ipairs(tests) do
    if t.passed then
      table.insert(html, string.format('<li class="pass"><span class="mark">ok</span> <code>%s</code> %d/%d</li>',
        escape(t.id), t.score, t.max))
    else
      local hint = ''
      local target = t.hint and book.hint_target(t.hint)
      if target then
        hint = string.format(' <a class="hint" href="%s">reread section %s</a>',
          escape(target), escape(t.hint:match('section (.*)$')))
      end
      table.insert(html, string.format('<li class="fail"><span class="mark">fail</span> <code>%s</code> %d/%d<br><samp class="message">%s</samp>%s</li>',
        escape(t.id), t.score, t.max, escape(t.message or ''), hint))
    end
  end
  table.insert(html, '</ul></div>')
  return pandoc.RawBlock('html', table.concat(html, '\n'))
end

-- "<!-- code: solutions/x/y.h name -->" above an excerpt -> a caption saying
-- where it comes from.
local function source_caption(raw)
  if raw.format ~= 'html' then return nil end
  local kind, path = raw.text:match('^<!%-%- (%a+): (%S+)')
  if kind == 'code' then
    return pandoc.RawBlock('html', '<p class="source">from <code>' .. escape(path) .. '</code></p>')
  elseif kind == 'output' then
    return pandoc.RawBlock('html', '<p class="source">output, saved in <code>' .. escape(path) .. '</code></p>')
  end
end

local function chapter(doc, lesson, results)
  local mine = results and results[lesson]
  local blocks, summary = {}, {}
  for _, block in ipairs(doc.blocks) do
    local number, title, suites = exercise_of(block)
    if block.t == 'Header' then
      block.identifier = book.slug(stringify(block.content))
      table.insert(blocks, block)
    elseif block.t == 'RawBlock' then
      table.insert(blocks, source_caption(block) or block)
    elseif number then
      table.insert(blocks, pandoc.Div({ block }, pandoc.Attr('exercise-' .. number, { 'exercise' })))
      if mine then
        local tests = tests_of(mine, suites)
        table.insert(blocks, progress_block(tests))
        local got, max = points(tests)
        table.insert(summary, string.format('<li><a href="#exercise-%d">Exercise %d, %s</a> %s</li>',
          number, number, escape(title), score_html(got, max)))
      end
    else
      table.insert(blocks, block)
    end
  end
  if mine then
    local got, max, passed = points(mine)
    local html = string.format('<div class="progress lesson"><p>Your last <code>make grade</code>: %s points, %d of %d tests passed</p><ul>%s</ul></div>',
      score_html(got, max), passed, #mine, table.concat(summary))
    for i, block in ipairs(blocks) do
      if block.t == 'Header' and block.level == 1 then
        table.insert(blocks, i + 1, pandoc.RawBlock('html', html))
        break
      end
    end
  end
  doc.blocks = blocks
  return pandoc.walk_block(pandoc.Div(doc.blocks), {
    Image = function(img)
      img.src = img.src:gsub('^%.%./figures/', 'figures/')
      return img
    end,
    -- pandoc 2.17's TeX reader knows \bigl and \biggl but not \Bigl.
    Math = function(math)
      math.text = math.text:gsub('\\Big[lr]%f[^%a]', '\\Big')
      -- Math does not wrap: a display, or an inline formula long enough to
      -- outgrow a phone's width, scrolls sideways instead of the page.
      if math.mathtype == 'DisplayMath' then
        return pandoc.Span({ math }, pandoc.Attr('', { 'display-math' }))
      elseif #math.text > 40 then
        return pandoc.Span({ math }, pandoc.Attr('', { 'wide-math' }))
      end
      return math
    end,
  }).content
end

local function contents(title, chapters, results)
  local html = { '<h1>' .. escape(title) .. '</h1>' }
  local summary = #html + 1 -- filled in once the next exercise to work on is known
  local next_exercise
  if results then
    table.insert(html, '')
  else
    table.insert(html, '<p class="progress">Run <code>make grade</code>, then <code>make book</code> again, to see your points here.</p>')
  end
  table.insert(html, '<ol class="contents">')
  for _, lesson in ipairs(chapters) do
    local file = io.open('lessons/' .. lesson .. '.md')
    local doc = pandoc.read(file:read('a'), 'markdown')
    file:close()
    local title, sections, exercises = lesson, {}, {}
    for _, block in ipairs(doc.blocks) do
      local number, name, suites = exercise_of(block)
      if block.t == 'Header' and block.level == 1 then
        title = stringify(block.content)
      elseif block.t == 'Header' and block.level == 2 then
        local text = stringify(block.content)
        table.insert(sections, string.format('<a href="%s.html#%s">%s</a>', lesson, book.slug(text), escape(text)))
      elseif number then
        local link = string.format('<a href="%s.html#exercise-%d">Exercise %d, %s</a>', lesson, number, number, escape(name))
        local score = ''
        if results and results[lesson] then
          local got, max = points(tests_of(results[lesson], suites))
          score = ' ' .. score_html(got, max)
          if got < max and not next_exercise then next_exercise = escape(title) .. ', ' .. link end
        end
        table.insert(exercises, '<li>' .. link .. score .. '</li>')
      end
    end
    local total = ''
    if results and results[lesson] then
      local got, max = points(results[lesson])
      total = ' ' .. score_html(got, max)
    elseif results then
      total = ' <span class="score none">not graded yet</span>'
    end
    table.insert(html, string.format('<li><h2><a href="%s.html">%s</a>%s</h2><p class="sections">%s</p><ul class="exercises">%s</ul></li>',
      lesson, escape(title), total, table.concat(sections, ' · '), table.concat(exercises)))
  end
  table.insert(html, '</ol>')
  if results then
    html[summary] = '<p class="progress">Points from your last <code>make grade</code>.' ..
      (next_exercise and ' Next: ' .. next_exercise .. '.' or '') .. '</p>'
  end
  return { pandoc.RawBlock('html', table.concat(html, '\n')) }
end

function Pandoc(doc)
  local results = book.read_results(doc.meta.results and stringify(doc.meta.results))
  if doc.meta.chapters then
    local chapters = {}
    for _, c in ipairs(doc.meta.chapters) do table.insert(chapters, stringify(c)) end
    doc.blocks = contents(stringify(doc.meta.pagetitle), chapters, results)
  else
    doc.blocks = chapter(doc, stringify(doc.meta.lesson), results)
  end
  return doc
end
