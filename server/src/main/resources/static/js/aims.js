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

// An audit's checklist ([data-checklist]): j / k move to the next or previous item, 1-5 choose the
// focused item's result, Ctrl+Enter saves the item (its form redirects to the next one).
document.addEventListener('keydown', function (event) {
  var list = document.querySelector('[data-checklist]');
  if (!list || !event.target.closest) {
    return;
  }
  var item = event.target.closest('[data-item]');
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && item) {
    var form = item.querySelector('form');
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
    return;
  }
  var typing = /^(TEXTAREA|INPUT)$/.test(event.target.tagName);
  if (typing || event.ctrlKey || event.altKey || event.metaKey) {
    return;
  }
  var items = Array.prototype.slice.call(list.querySelectorAll('[data-item]'));
  var index = item ? items.indexOf(item) : -1;
  if (event.key === 'j' || event.key === 'k') {
    var next = items[Math.max(0, Math.min(items.length - 1, index + (event.key === 'j' ? 1 : -1)))];
    var field = next && next.querySelector('select[name=result]');
    if (field) {
      field.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
    event.preventDefault();
  }
  else if (/^[1-5]$/.test(event.key) && item) {
    var select = item.querySelector('select[name=result]');
    if (select) {
      select.selectedIndex = Number(event.key);
      event.preventDefault();
    }
  }
});
