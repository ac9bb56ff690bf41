// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});

// Copy buttons (e.g. a newly issued API token).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.value || source.textContent);
      button.textContent = 'Copied';
    }
  }
});

// Confirmation for destructive actions (retire, revoke) without inline script.
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Filters that apply as soon as they change (select[data-autosubmit]).
document.addEventListener('change', function (event) {
  if (event.target.matches && event.target.matches('[data-autosubmit]') && event.target.form) {
    event.target.form.requestSubmit();
  }
});
