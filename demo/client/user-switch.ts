// The "signed in as" switch: without JavaScript it is a plain form (the page reloads);
// here it switches the session in the background and asks every embed for a fresh token,
// whose locked tenant now comes from the new session.
export function enhanceUserSwitch() {
  const form = document.querySelector<HTMLFormElement>('form.user-switch');
  if (!form) return;
  const select = form.querySelector('select')!;
  form.querySelector('button')?.setAttribute('hidden', '');
  const switchUser = async () => {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: {Accept: 'application/json'},
      body: new URLSearchParams({user: select.value}),
    });
    if (!response.ok) {
      form.submit();
      return;
    }
    const {user} = (await response.json()) as {user: {name: string; tenant: {name: string}}};
    for (const footerName of document.querySelectorAll('[data-user-name]')) footerName.textContent = user.name;
    for (const tenantName of document.querySelectorAll('[data-tenant-name]')) tenantName.textContent = user.tenant.name;
    // Lazy embeds still waiting for the viewport will ask with the new session anyway.
    for (const embed of document.querySelectorAll('metabase-embed')) {
      if (embed.state !== 'idle') embed.reload();
    }
  };
  select.addEventListener('change', () => void switchUser());
}
