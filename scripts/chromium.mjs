// Debian's Chromium, as the browser tests launch it (test:runtimes and test:playground): its path ($CHROMIUM, or
// /usr/bin/chromium, which .ci/run installs when it is missing) and its flags. Without the background-networking
// flags, Chromium keeps trying hosts this machine's closed network refuses.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
