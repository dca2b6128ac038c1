-- Tests of book.lua's mapping from a grader's hint to the book's anchor:
--   pandoc --from markdown --to plain --lua-filter tools/book/test.lua </dev/null
-- Prints one line per case; pandoc fails if any case does.
dofile('tools/book/book.lua')
Pandoc = nil

local cases = {
  { 'lessons/01-regression.md, section 3 Measuring error', '01-regression.html#3-measuring-error' },
  { 'lessons/01-regression.md section 2 The data', '01-regression.html#2-the-data' },
  { 'lessons/01-regression.md, section 2.1 Reading a CSV file that might be wrong',
    '01-regression.html#2-1-reading-a-csv-file-that-might-be-wrong' },
  { 'lessons/04-backprop.md, section 10 Adversarial examples', '04-backprop.html#10-adversarial-examples' },
  { 'lessons/02-softmax.md, section 8 Going fast (optional)', '02-softmax.html#8-going-fast-optional' },
  { 'lessons/03-convolution.md, section 2 Convolution and cross-correlation  ',
    '03-convolution.html#2-convolution-and-cross-correlation' },
  { 'hint: see the chapter', nil },
}
local failed = 0
for _, case in ipairs(cases) do
  local got = book.hint_target(case[1])
  if got ~= case[2] then
    failed = failed + 1
    io.stderr:write(string.format('FAILED: %q -> %s, expected %s\n', case[1], tostring(got), tostring(case[2])))
  end
end
-- A heading gets the id its section's hint names.
local heading = pandoc.read('## 3 Measuring error\n', 'markdown').blocks[1]
if book.slug(pandoc.utils.stringify(heading.content)) ~= '3-measuring-error' then
  failed = failed + 1
  io.stderr:write('FAILED: the heading "3 Measuring error" gets another id\n')
end
if failed > 0 then error(failed .. ' case(s) failed') end
io.stderr:write(string.format('hint -> anchor: %d cases pass\n', #cases + 1))
