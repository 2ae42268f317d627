import { describe, expect, it } from 'vitest';
import { RecordingIndex } from '../../../../../helper/workstation/recording/recording-index';
import {
  buildRecordingUrl,
  checkRecordingTemplate,
  RecordingTemplateError,
} from '../../../../../helper/config/recording-url';

const AT = new Date(2025, 2, 14, 9, 30).getTime();

function varSet(linkedid: string, value: string, variable = 'MIXMONITOR_FILENAME') {
  return {
    Event: 'VarSet',
    Channel: 'PJSIP/trunk-00000001',
    Uniqueid: linkedid,
    Linkedid: linkedid,
    Variable: variable,
    Value: value,
  };
}

describe('recording links', () => {
  it('fills {basename}, {date} and {file}, URL-encoded', () => {
    const file = '/var/spool/asterisk/monitor/in 79161234567-1741944600.17.wav';
    expect(buildRecordingUrl('https://pbx.example/rec/{date}/{basename}', { file, at: AT })).toBe(
      'https://pbx.example/rec/2025/03/14/in%2079161234567-1741944600.17.wav',
    );
    expect(buildRecordingUrl('https://pbx.example/{file}', { file, at: AT })).toBe(
      'https://pbx.example/var/spool/asterisk/monitor/in%2079161234567-1741944600.17.wav',
    );
  });

  it('refuses templates that are not http(s) or hold unknown placeholders', () => {
    expect(() => checkRecordingTemplate('ftp://pbx/{basename}')).toThrow(RecordingTemplateError);
    expect(() => checkRecordingTemplate('https://pbx/{name}')).toThrow(
      /unknown placeholder \{name\}/,
    );
    expect(() => checkRecordingTemplate('https://pbx/{basename}')).not.toThrow();
  });
});

describe('RecordingIndex', () => {
  it('keeps the first recording of each call from VarSet events', () => {
    const index = new RecordingIndex({
      urlTemplate: 'https://pbx.example/rec/{basename}',
      now: () => AT,
    });
    index.observe(varSet('1741944600.17', '/monitor/in-1.wav'));
    index.observe(varSet('1741944600.17', '/monitor/out-2.wav'));
    index.observe(varSet('1741944600.20', '/monitor/x.wav', 'OTHER'));
    index.observe({ Event: 'Newchannel', Linkedid: '1741944600.20' });
    expect(index.recordingFor('1741944600.17')).toEqual({
      file: '/monitor/in-1.wav',
      url: 'https://pbx.example/rec/in-1.wav',
    });
    expect(index.recordingFor('1741944600.20')).toBeUndefined();
  });

  it('keeps the file without a link when no template is set, and ignores control characters', () => {
    const index = new RecordingIndex({ urlTemplate: '' });
    index.observe(varSet('a', '/monitor/in.wav'));
    index.observe(varSet('b', '/monitor/in\r\n.wav'));
    expect(index.recordingFor('a')).toEqual({ file: '/monitor/in.wav' });
    expect(index.urlFor('a')).toBeUndefined();
    expect(index.recordingFor('b')).toBeUndefined();
  });

  it('forgets the oldest calls beyond its capacity', () => {
    const index = new RecordingIndex({ urlTemplate: '', capacity: 2 });
    for (const id of ['a', 'b', 'c']) index.observe(varSet(id, `/monitor/${id}.wav`));
    expect(index.recordingFor('a')).toBeUndefined();
    expect(index.recordingFor('c')?.file).toBe('/monitor/c.wav');
  });
});
