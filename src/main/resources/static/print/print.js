// Print buttons of our pages and notices: a script of our own, since the content security policy forbids inline handlers.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
