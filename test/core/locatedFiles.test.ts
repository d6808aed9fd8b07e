/**
 * A workspace that can locate a file without reading it (`Workspace.locateFile`, as the server's and the CLI's do):
 * the index summarises it where it is read (the service's `fileSummarizer`, a worker), reads it here only when that
 * cannot, drops it when it is gone by then, and does not read a file again whose version has not changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyze, createLanguageService, InMemoryWorkspace, NEVER_CANCELLED, summarize, type FileStamp, type FileSummary,
} from '../../server/src/core';
import { knowledge, lines } from './fixture';

const NOTICE = lines('关于规范支付业务的通知', '银发〔2026〕7号', '一、支付机构应当遵守本通知。');
const URI = 'file:///ws/notice.txt';

/** An in-memory folder whose files are located as on disk (version and location only), counting what is read. */
class LocatingWorkspace extends InMemoryWorkspace {
  reads = 0;
  gone = false;

  override async readFile(uri: string) {
    this.reads++;
    return this.gone ? { kind: 'missing' as const } : super.readFile(uri);
  }

  async locateFile(uri: string): Promise<FileStamp> {
    const content = await super.readFile(uri);
    return content.kind === 'text' ? { kind: 'unread', version: content.version, location: `/disk${new URL(uri).pathname}` } : content;
  }
}

function setUp(fileSummarizer?: (uri: string, location: string, version: number | string) => Promise<FileSummary | undefined>) {
  const workspace = new LocatingWorkspace({ [URI]: NOTICE });
  const located: string[] = [];
  const service = createLanguageService({
    knowledge, workspace, fileSummarizer: fileSummarizer && (async (uri, location, version) => {
      located.push(location);
      return fileSummarizer(uri, location, version);
    }),
  });
  return { workspace, service, located };
}

test('a located file is summarised where it is read, and not read here', async () => {
  const { workspace, service, located } = setUp(async (uri, _location, version) => summarize(uri, version, analyze(NOTICE, knowledge)));
  await service.index.scan(NEVER_CANCELLED);
  assert.deepStrictEqual(located, ['/disk/ws/notice.txt']);
  assert.equal(workspace.reads, 0);
  assert.deepStrictEqual(service.index.noticeKeys(), ['银发〔2026〕7号']);
});

test('a located file that could not be summarised elsewhere is read here', async () => {
  const { workspace, service, located } = setUp(async () => undefined);
  await service.index.scan(NEVER_CANCELLED);
  assert.equal(located.length, 1);
  assert.equal(workspace.reads, 1);
  assert.deepStrictEqual(service.index.noticeKeys(), ['银发〔2026〕7号']);
});

test('without a summarizer that reads files, a located file is read here', async () => {
  const { workspace, service } = setUp();
  await service.index.scan(NEVER_CANCELLED);
  assert.equal(workspace.reads, 1);
  assert.equal(service.index.size, 1);
});

test('a located file gone by the time it is read is not indexed', async () => {
  const { workspace, service } = setUp(async () => undefined);
  workspace.gone = true;
  await service.index.scan(NEVER_CANCELLED);
  assert.equal(service.index.size, 0);
});

test('a rescan neither reads nor summarises a file whose version has not changed', async () => {
  const { workspace, service, located } = setUp(async () => undefined);
  await service.index.scan(NEVER_CANCELLED);
  await service.index.scan(NEVER_CANCELLED);
  assert.equal(located.length, 1);
  assert.equal(workspace.reads, 1);
  workspace.write(URI, `${NOTICE}\n二、新增。`);
  await service.index.settled();
  await service.index.scan(NEVER_CANCELLED);
  assert.equal(located.length, 2);
});
