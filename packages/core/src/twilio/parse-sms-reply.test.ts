import { describe, expect, it } from 'vitest';
import { parseSmsReply } from './parse-sms-reply';

describe('parseSmsReply', () => {
  it.each([
    ['12a', '12', 'acknowledge'],
    ['12 A', '12', 'acknowledge'],
    ['  12A. ', '12', 'acknowledge'],
    ['ack 12', '12', 'acknowledge'],
    ['ACK12', '12', 'acknowledge'],
    ['acknowledge #12', '12', 'acknowledge'],
    ['12r', '12', 'resolve'],
    ['resolve 12', '12', 'resolve'],
    ['12e', '12', 'escalate'],
    ['escalate 12!', '12', 'escalate'],
    ['e 3', '3', 'escalate'],
    ['007a', '7', 'acknowledge'],
  ])('%j -> code %s, %s', (body, code, action) => {
    expect(parseSmsReply(body)).toEqual({ kind: 'action', code, action });
  });

  it.each([
    ['STOP', 'stop'],
    ['stop', 'stop'],
    ['Unsubscribe', 'stop'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['help', 'help'],
    ['stop please', 'unknown'],
    ['12', 'unknown'],
    ['12x', 'unknown'],
    ['hello', 'unknown'],
    ['', 'unknown'],
  ])('%j -> %s', (body, kind) => {
    expect(parseSmsReply(body).kind).toBe(kind);
  });
});
