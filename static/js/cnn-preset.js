// The CNN page's preset control: fills the Train form's fields with the chosen preset's settings
// (they come from the server, deepdash.model.CnnPreset), so what is posted is what the form shows.
(function () {
  "use strict";
  var preset = document.getElementById("cnn-preset");
  var form = document.getElementById("train-form");
  if (!preset || !form) {
    return;
  }
  function set(name, value) {
    var field = form.elements.namedItem(name);
    if (field && value !== undefined) {
      field.value = value;
    }
  }
  preset.addEventListener("change", function () {
    var d = preset.dataset;
    var fast = preset.value === "fast";
    set("epochs", fast ? d.epochs : d.seedEpochs);
    set("batchSize", fast ? d.batchSize : d.seedBatchSize);
    set("learningRate", fast ? d.learningRate : d.seedLearningRate);
    var schedule = form.elements.namedItem("schedule");
    if (schedule) {
      schedule.value = fast ? d.schedule : "constant";
      // The schedule's preview plot follows its select's change event (htmx).
      schedule.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();
