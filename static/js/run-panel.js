// Brings a run panel to life: follows the run's event stream and updates the progress bar (training,
// then the validation and test passes), the epoch charts, the per-step loss chart, the per-epoch log
// table and the result. Works for panels in the first page load and swapped in by htmx.
(function () {
  'use strict';

  const FINAL = ['completed', 'failed', 'cancelled', 'interrupted'];

  const formatSeconds = DeepDashCharts.formatSeconds;

  /** DJL's "cpu()" and "gpu(0)" as people read them: "CPU", "GPU 0" (as deepdash.runs.DeviceLabel). */
  function deviceLabel(device) {
    const m = /^([A-Za-z]+)\((\d*)\)$/.exec(String(device || '').trim());
    if (!m) {
      return String(device || '').trim();
    }
    const type = m[1].toUpperCase();
    return type === 'CPU' || m[2] === '' ? type : type + ' ' + m[2];
  }

  /** Four decimals, a dash for a missing value: as deepdash.runs.RunPanelView.number. */
  function number(value) {
    return typeof value === 'number' && isFinite(value) ? value.toFixed(4) : '–';
  }

  /** A learning rate as Keras logs it: 0.001, 1.25e-5 (as RunPanelView.rate). */
  function rate(value) {
    if (typeof value !== 'number' || !isFinite(value)) {
      return '–';
    }
    return value >= 1e-3 || value === 0 ? String(Number(value.toFixed(6))) : value.toExponential(2);
  }

  /** Adds an epoch's row to the per-epoch log unless the page already has it (rendered, or replayed). */
  function addEpochRow(rows, metric, e) {
    if (!rows || rows.querySelector('tr[data-epoch="' + e.epoch + '"]')) {
      return;
    }
    const row = document.createElement('tr');
    row.dataset.epoch = String(e.epoch);
    [String(e.epoch), number(e.loss), number(e[metric]), number(e.val_loss), number(e['val_' + metric]),
      rate(e.learning_rate), typeof e.epochSeconds === 'number' ? e.epochSeconds.toFixed(1) : '–']
        .forEach((text) => {
          const cell = document.createElement('td');
          cell.textContent = text;
          row.append(cell);
        });
    const after = Array.from(rows.children).find((r) => Number(r.dataset.epoch) > e.epoch);
    rows.insertBefore(row, after || null);
  }

  /** The progress line of a validation or test pass: "Evaluating on 10,000 test images · 41%". */
  function passText(p) {
    const images = p.total.toLocaleString('en-US');
    const percent = Math.floor(100 * p.passDone) + '%';
    return p.phase === 'testing'
        ? deepdashText('js.panel.testing', [images, percent])
        : deepdashText('js.panel.validating', [p.epoch, p.epochs, images, percent]);
  }


  // How each kind of coach's note is marked on the charts (docs/coach.md lists the kinds).
  const NOTE_MARKS = {
    best_epoch: {label: deepdashText('js.note.best'), color: '#16a34a'},
    overfitting: {label: deepdashText('js.note.overfitting'), color: '#dc2626'},
    validation_better: {label: deepdashText('js.note.validationBetter'), color: '#0891b2'},
    lr_too_high: {label: deepdashText('js.note.lrTooHigh'), color: '#dc2626'},
    plateau: {label: deepdashText('js.note.plateau'), color: '#ca8a04'},
    test_below_validation: {label: deepdashText('js.note.testBelowValidation'), color: '#9333ea'},
  };
  const NOTES_DELAY_MILLIS = 500;

  /** Fills a list with the coach's notes, each tagged with its kind and epoch. */
  function renderNotes(list, notes) {
    list.replaceChildren(...notes.map((note) => {
      const item = document.createElement('li');
      item.dataset.kind = note.kind;
      const mark = NOTE_MARKS[note.kind];
      const tag = document.createElement('span');
      tag.className = 'note-kind note-' + note.kind.replace(/_/g, '-');
      tag.textContent = (mark ? mark.label : note.kind.replace(/_/g, ' '))
          + (note.epoch ? ' · ' + deepdashText('js.note.epoch', [note.epoch]) : '');
      item.append(tag, ' ', note.text);
      return item;
    }));
  }

  /** Fetches the coach's notes and shows them under the charts and as marks on them. */
  function showNotes(panel, charts) {
    fetch('/api/runs/' + encodeURIComponent(panel.dataset.runId) + '/notes', {headers: {Accept: 'application/json'}})
        .then((response) => (response.ok ? response.json() : []))
        .then((notes) => {
          const box = panel.querySelector('[data-role="notes-box"]');
          const list = panel.querySelector('[data-role="notes"]');
          if (!box || !list) {
            return;
          }
          renderNotes(list, notes);
          box.hidden = notes.length === 0;
          const marks = notes.filter((n) => NOTE_MARKS[n.kind] && n.epoch)
              .map((n) => ({epoch: n.epoch, label: NOTE_MARKS[n.kind].label, color: NOTE_MARKS[n.kind].color}));
          charts.forEach((chart) => DeepDashCharts.setNotes(chart, marks));
        })
        .catch(() => {});
  }

  function attach(panel) {
    if (panel.dataset.attached) {
      return;
    }
    panel.dataset.attached = 'true';
    const id = panel.dataset.runId;
    const metric = panel.dataset.metric;
    const part = (role) => panel.querySelector('[data-role="' + role + '"]');
    const metricChart = DeepDashCharts.metricChart(part('metric-chart'), [metric, 'val_' + metric]);
    const lossChart = DeepDashCharts.metricChart(part('loss-chart'), ['loss', 'val_loss']);
    const batchCanvas = part('batch-chart');
    const batchChart = batchCanvas ? DeepDashCharts.stepChart(batchCanvas, deepdashText('js.panel.lossPerStep')) : null;
    DeepDashCharts.bindControls(panel.querySelector('[data-chart-controls]'),
        [metricChart, lossChart].concat(batchChart ? [batchChart] : []));
    const rows = part('epoch-rows');
    const addSteps = (points) => {
      if (batchChart) {
        DeepDashCharts.addSteps(batchChart, points);
        panel.dataset.steps = String(DeepDashCharts.stepCount(batchChart));
      }
    };
    // The stored series (a reload, or a panel opened mid-run); live points overlapping it are skipped.
    if (batchChart) {
      fetch('/api/runs/' + encodeURIComponent(id) + '/batches', {headers: {Accept: 'application/json'}})
          .then((response) => (response.ok ? response.json() : []))
          .then((points) => addSteps(points.map((p) => ({step: p.step, epoch: p.epoch, y: p.loss}))))
          .catch(() => {});
    }
    // The notes follow the curves: asked again after each epoch (once the burst of a replay is over) and at the end.
    let notesTimer = null;
    const refreshNotes = () => {
      clearTimeout(notesTimer);
      notesTimer = setTimeout(() => showNotes(panel, [metricChart, lossChart]), NOTES_DELAY_MILLIS);
    };
    // A server at its stream cap answers 503 and EventSource gives up for good (it retries only
    // dropped connections), so the panel reconnects itself, asking only for what it has not seen.
    const RETRY_MILLIS = 10000;
    let lastEventId = null;
    let finished = false;
    let source = null;
    const connect = () => {
      const query = lastEventId === null ? '' : '?lastEventId=' + encodeURIComponent(lastEventId);
      source = new EventSource('/api/runs/' + encodeURIComponent(id) + '/events' + query);
      panel.eventSource = source;
      listen(source);
      source.addEventListener('error', () => {
        if (!finished && source.readyState === EventSource.CLOSED && panel.isConnected) {
          setTimeout(() => {
            if (!finished && panel.isConnected) {
              connect();
            }
          }, RETRY_MILLIS);
        }
      });
    };
    const remember = (event) => {
      if (event.lastEventId) {
        lastEventId = event.lastEventId;
      }
    };

    const listen = (source) => {
      source.addEventListener('progress', (event) => {
        const p = JSON.parse(event.data);
        const box = part('progress-box');
        box.hidden = false;
        if (p.phase) {
          // A validation or test pass: the bar shows the pass itself, which the batches say nothing about.
          box.dataset.phase = p.phase;
          part('progress-fill').style.width = (100 * p.passDone).toFixed(1) + '%';
          part('progress-text').textContent = passText(p);
          return;
        }
        box.dataset.phase = 'training';
        part('progress-fill').style.width = (100 * p.fractionDone).toFixed(1) + '%';
        part('progress-text').textContent = deepdashText('js.panel.progress',
            [p.epoch, p.epochs, p.batch, p.batches, p.loss.toFixed(4), formatSeconds(p.etaSeconds)]);
        if (typeof p.batchLoss === 'number') {
          addSteps([{step: p.step, epoch: p.epoch, y: p.batchLoss}]);
        }
      });

      source.addEventListener('epoch', (event) => {
        const e = JSON.parse(event.data);
        DeepDashCharts.addEpoch(metricChart, e.epoch, [e[metric], e['val_' + metric]], e.elapsedSeconds);
        DeepDashCharts.addEpoch(lossChart, e.epoch, [e.loss, e.val_loss], e.elapsedSeconds);
        addEpochRow(rows, metric, e);
        panel.dataset.epochs = String(DeepDashCharts.epochCount(metricChart));
        remember(event);
        refreshNotes();
      });

      source.addEventListener('status', (event) => {
        const s = JSON.parse(event.data);
        panel.dataset.status = s.status;
        part('status').textContent = deepdashText('js.status.' + s.status)
            + (s.queuePosition ? ' ' + deepdashText('js.panel.queuePlace', [s.queuePosition]) : '');
        if (s.device) {
          part('device').textContent = deepdashText('js.panel.on', [deviceLabel(s.device)]);
        }
        if (s.status === 'running' && part('progress-box').dataset.phase === undefined) {
          part('progress-text').textContent = deepdashText('js.panel.starting');
        }
        remember(event);
        if (FINAL.includes(s.status)) {
          finished = true;
          source.close();
          part('cancel').hidden = true;
          part('progress-box').hidden = true;
          if (s.test) {
            const t = s.test;
            const score = t.accuracy !== undefined && t.accuracy !== null
                ? deepdashText('js.panel.testAccuracy', [t.accuracy.toFixed(4), t.loss.toFixed(4)])
                : deepdashText('js.panel.testMae', [t.loss.toFixed(6), t.mae.toFixed(6)]);
            let kept = '';
            if (t.bestEpoch) {
              kept = t.stoppedEarly
                  ? ' · ' + deepdashText('js.panel.stoppedEarly', [t.bestEpoch])
                  : ' · ' + deepdashText('js.panel.restored', [t.bestEpoch]);
            }
            part('result').textContent = deepdashText('js.panel.result',
                [score, t.samples.toLocaleString('en-US'), formatSeconds(s.trainSeconds)]) + kept;
          }
          // The server words its own reasons in every language; a worker's message is as written.
          part('reason').textContent = (s.reasonByLang && s.reasonByLang[document.documentElement.lang])
              || s.reason || '';
          refreshNotes();
          panel.dispatchEvent(new CustomEvent('run-finished', {bubbles: true, detail: s}));
        }
      });
    };
    connect();
  }

  function attachAll(root) {
    root.querySelectorAll('.run-panel[data-run-id]').forEach(attach);
  }

  document.addEventListener('DOMContentLoaded', () => attachAll(document));
  document.addEventListener('htmx:afterSwap', (event) => attachAll(event.detail.target));
  window.DeepDashRunPanel = {attach, formatSeconds, renderNotes, deviceLabel, rate};
})();
