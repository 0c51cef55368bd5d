// Findings list: "select all" for the bulk triage checkboxes and a count of the selected findings.
(function () {
  'use strict';
  function boxes(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name=id]'));
  }
  function update(form) {
    var count = boxes(form).filter(function (b) { return b.checked; }).length;
    var label = form.querySelector('[data-bulk-count]');
    if (label) {
      label.textContent = count + ' selected';
    }
    var all = form.querySelector('[data-select-all]');
    if (all) {
      var total = boxes(form).length;
      all.checked = total > 0 && count === total;
      all.indeterminate = count > 0 && count < total;
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('bulk-form');
    if (!form) {
      return;
    }
    form.addEventListener('change', function (event) {
      var target = event.target;
      if (target.matches('[data-select-all]')) {
        boxes(form).forEach(function (b) { b.checked = target.checked; });
      }
      update(form);
    });
    update(form);
  });
})();
