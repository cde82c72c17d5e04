// Which files are code, by extension or by whole file name.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { languageForPath, type LanguageId } from '../../../../src/core/scan/code';

const BY_PATH: readonly (readonly [string, LanguageId | undefined])[] = [
  ['src/a.ts', 'typescript'], ['a.tsx', 'typescript'], ['a.mts', 'typescript'], ['a.cts', 'typescript'],
  ['a.js', 'javascript'], ['a.jsx', 'javascript'], ['a.mjs', 'javascript'], ['a.cjs', 'javascript'],
  ['A.java', 'java'], ['a.kt', 'kotlin'], ['build.gradle.kts', 'kotlin'], ['a.scala', 'scala'], ['a.sc', 'scala'],
  ['a.groovy', 'groovy'], ['build.gradle', 'groovy'], ['ci/Jenkinsfile', 'groovy'],
  ['a.c', 'c'], ['a.h', 'c'], ['a.cc', 'cpp'], ['a.cpp', 'cpp'], ['a.cxx', 'cpp'], ['a.c++', 'cpp'], ['a.hh', 'cpp'], ['a.hpp', 'cpp'], ['a.hxx', 'cpp'], ['a.ino', 'cpp'],
  ['a.cs', 'csharp'], ['a.csx', 'csharp'], ['a.go', 'go'], ['a.rs', 'rust'], ['a.swift', 'swift'], ['a.dart', 'dart'],
  ['a.py', 'python'], ['a.pyi', 'python'], ['a.rb', 'ruby'], ['tasks.rake', 'ruby'], ['Rakefile', 'ruby'], ['Gemfile', 'ruby'],
  ['a.sh', 'shell'], ['a.bash', 'shell'], ['a.zsh', 'shell'], ['home/.bashrc', 'shell'], ['.zshrc', 'shell'], ['.profile', 'shell'],
  ['a.yml', 'yaml'], ['a.yaml', 'yaml'], ['a.toml', 'toml'], ['a.sql', 'sql'], ['a.r', 'r'], ['a.R', 'r'],
  ['a.html', 'html'], ['a.htm', 'html'], ['a.xml', 'xml'], ['a.svg', 'xml'], ['a.csproj', 'xml'], ['a.xaml', 'xml'],
  ['a.php', 'php'], ['a.lua', 'lua'], ['a.ps1', 'powershell'], ['a.psm1', 'powershell'], ['a.css', 'css'], ['a.scss', 'scss'], ['a.less', 'scss'],
  ['a.proto', 'protobuf'], ['a.tf', 'hcl'], ['a.hcl', 'hcl'],
  ['Makefile', 'makefile'], ['sub/makefile', 'makefile'], ['GNUmakefile', 'makefile'], ['rules.mk', 'makefile'],
  ['Dockerfile', 'dockerfile'], ['docker/Dockerfile.dev', 'dockerfile'], ['api.dockerfile', 'dockerfile'], ['Containerfile', 'dockerfile'],
  ['SRC\\WIN\\A.TS', 'typescript'], ['a.b.c.py', 'python'],
  ['README.md', undefined], ['docs/spec.markdown', undefined], ['notes.txt', undefined], ['package.json', undefined],
  ['LICENSE', undefined], ['.ts', undefined], ['dir.ts/file', undefined], ['constructor', undefined], ['a.constructor', undefined], ['a.toString', undefined],
];

describe('code scanner: languageForPath', () => {
  for (const [path, language] of BY_PATH) {
    it(`${path} -> ${language ?? 'not code'}`, () => {
      assert.equal(languageForPath(path), language);
    });
  }
});
