// reCAPTCHA v3 (only when BotCheck:Mode is Recaptcha): asks Google for a token as the form is sent and puts it
// in the bot-check field. Without JavaScript the form still sends; the server's no-script rules apply.
const field = document.querySelector('input[data-recaptcha-site-key]');
if (field) {
  const form = field.form;
  form.addEventListener('submit', (event) => {
    if (field.value || !globalThis.grecaptcha) {
      return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    globalThis.grecaptcha.ready(() => {
      globalThis.grecaptcha
        .execute(field.dataset.recaptchaSiteKey, { action: field.dataset.recaptchaAction })
        .then((token) => {
          field.value = token;
          form.requestSubmit(submitter);
        });
    });
  });
}
