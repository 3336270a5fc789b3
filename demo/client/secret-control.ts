// "Regenerate the emulator's secret key": without JavaScript a plain form (the page reloads
// with new tokens); here it regenerates in the background, then each embed on screen asks
// for one new token, since Metabase now refuses the old ones at their next request.
export function enhanceSecretControl() {
  const form = document.querySelector<HTMLFormElement>('form.secret-control');
  if (!form) return;
  const status = form.querySelector<HTMLElement>('[data-secret-status]')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void regenerate(form, status);
  });
}

async function regenerate(form: HTMLFormElement, status: HTMLElement) {
  const response = await fetch(form.action, {
    method: 'POST',
    headers: {Accept: 'application/json'},
    body: new URLSearchParams({return: form.querySelector<HTMLInputElement>('[name=return]')!.value}),
  });
  if (!response.ok) {
    form.submit();
    return;
  }
  status.textContent = 'New key: tokens signed with the old one are refused. Each embed asked for a new token.';
  for (const embed of document.querySelectorAll('metabase-embed')) {
    if (embed.state !== 'idle') embed.reload();
  }
}
