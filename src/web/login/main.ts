/** The staff login: posts the credentials as JSON, then goes to the page that sent the browser here. */
const form = document.getElementById('login') as HTMLFormElement;
const message = document.getElementById('message')!;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  message.textContent = '';
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
  const res = await fetch('/api/staff/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: value('username'), password: value('password') }),
  });
  if (res.ok) {
    const next = new URLSearchParams(location.search).get('next') ?? '';
    // Only a path of this site: never an address another site put in the link.
    location.assign(/^\/staff\/[\w/-]*$/.test(next) ? next : '/staff/review/');
    return;
  }
  message.textContent = res.status === 429 ? '尝试次数过多，请稍后再试。' : '用户名或密码错误。';
});
