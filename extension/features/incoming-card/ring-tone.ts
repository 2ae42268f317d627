/** A short ring played when a call starts ringing. */
export interface RingTone {
  play(): void;
}

type AudioContextConstructor = new () => AudioContext;

/**
 * Two short beeps generated with WebAudio, so no sound file ships with the
 * extension. Browsers may refuse audio before the user has interacted with
 * the page; then the card simply appears without sound.
 */
export function createRingTone(signal: AbortSignal): RingTone {
  let context: AudioContext | null = null;
  signal.addEventListener('abort', () => void context?.close().catch(() => undefined), {
    once: true,
  });
  return {
    play() {
      const Audio = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
      if (!Audio || signal.aborted) return;
      try {
        context ??= new Audio();
        void context.resume().catch(() => undefined);
        const start = context.currentTime + 0.02;
        for (const offset of [0, 0.3]) {
          const oscillator = context.createOscillator();
          const gain = context.createGain();
          oscillator.type = 'sine';
          oscillator.frequency.value = 880;
          gain.gain.setValueAtTime(0, start + offset);
          gain.gain.linearRampToValueAtTime(0.15, start + offset + 0.02);
          gain.gain.linearRampToValueAtTime(0, start + offset + 0.2);
          oscillator.connect(gain).connect(context.destination);
          oscillator.start(start + offset);
          oscillator.stop(start + offset + 0.22);
        }
      } catch {
        // Audio is a courtesy: a page or browser policy that blocks it must not block the card.
      }
    },
  };
}
