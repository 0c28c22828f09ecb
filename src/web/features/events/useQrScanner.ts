/**
 * Reads QR codes from the device camera: getUserMedia (rear camera preferred) → canvas → jsQR, about
 * four frames a second. Calls `onCode` with each text read; the caller ignores repeats.
 */
import jsQR from 'jsqr';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export type ScannerState = 'idle' | 'starting' | 'scanning' | 'unavailable';

export function useQrScanner(videoRef: RefObject<HTMLVideoElement | null>, onCode: (text: string) => void) {
  const [state, setState] = useState<ScannerState>('idle');
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  const stop = useCallback(() => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setState('idle');
  }, []);

  const start = useCallback(async () => {
    const video = videoRef.current;
    if (!video || !navigator.mediaDevices?.getUserMedia) {
      setState('unavailable');
      return;
    }
    setState('starting');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      video.srcObject = stream.current;
      await video.play();
      setState('scanning');
      const canvas = document.createElement('canvas');
      const g = canvas.getContext('2d', { willReadFrequently: true });
      timer.current = window.setInterval(() => {
        if (!g || video.readyState < video.HAVE_ENOUGH_DATA) return;
        const w = video.videoWidth;
        const h = video.videoHeight;
        if (!w || !h) return;
        canvas.width = w;
        canvas.height = h;
        g.drawImage(video, 0, 0, w, h);
        const found = jsQR(g.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
        if (found?.data) onCodeRef.current(found.data);
      }, 250);
    } catch {
      stop();
      setState('unavailable');
    }
  }, [videoRef, stop]);

  useEffect(() => stop, [stop]);
  return { state, start, stop };
}
