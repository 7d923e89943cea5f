// Brings a run panel to life: follows the run's event stream and updates the progress bar,
// the two charts and the result. Works for panels in the first page load and swapped in by htmx.
(function () {
  'use strict';

  const FINAL = ['completed', 'failed', 'cancelled', 'interrupted'];

  const formatSeconds = DeepDashCharts.formatSeconds;


  // How each kind of coach's note is marked on the charts (docs/coach.md lists the kinds).
  const NOTE_MARKS = {
    best_epoch: {label: 'best', color: '#16a34a'},
    overfitting: {label: 'overfitting', color: '#dc2626'},
    validation_better: {label: 'val < train', color: '#0891b2'},
    lr_too_high: {label: 'lr too high', color: '#dc2626'},
    plateau: {label: 'flat', color: '#ca8a04'},
    test_below_validation: {label: 'best val', color: '#9333ea'},
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
          + (note.epoch ? ' · epoch ' + note.epoch : '');
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
    DeepDashCharts.bindControls(panel.querySelector('[data-chart-controls]'), [metricChart, lossChart]);
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
        part('progress-box').hidden = false;
        part('progress-fill').style.width = (100 * p.fractionDone).toFixed(1) + '%';
        part('progress-text').textContent = 'Epoch ' + p.epoch + '/' + p.epochs + ' · batch ' + p.batch + '/'
            + p.batches + ' · loss ' + p.loss.toFixed(4) + ' · ETA ' + formatSeconds(p.etaSeconds);
      });

      source.addEventListener('epoch', (event) => {
        const e = JSON.parse(event.data);
        DeepDashCharts.addEpoch(metricChart, e.epoch, [e[metric], e['val_' + metric]], e.elapsedSeconds);
        DeepDashCharts.addEpoch(lossChart, e.epoch, [e.loss, e.val_loss], e.elapsedSeconds);
        panel.dataset.epochs = String(DeepDashCharts.epochCount(metricChart));
        remember(event);
        refreshNotes();
      });

      source.addEventListener('status', (event) => {
        const s = JSON.parse(event.data);
        panel.dataset.status = s.status;
        part('status').textContent = s.status + (s.queuePosition ? ' (place ' + s.queuePosition + ' in the queue)' : '');
        if (s.device) {
          part('device').textContent = 'on ' + s.device;
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
                ? 'test accuracy ' + t.accuracy.toFixed(4) + ', loss ' + t.loss.toFixed(4)
                : 'test loss ' + t.loss.toFixed(6) + ', mae ' + t.mae.toFixed(6);
            let kept = '';
            if (t.bestEpoch) {
              kept = t.stoppedEarly
                  ? ' · early stopping ended the run; epoch ' + t.bestEpoch + "'s weights (lowest val_loss) were restored and tested"
                  : ' · epoch ' + t.bestEpoch + "'s weights (lowest val_loss) were restored and tested";
            }
            part('result').textContent = score + ' on ' + t.samples.toLocaleString('en-US') + ' test samples · took '
                + formatSeconds(s.trainSeconds) + kept;
          }
          part('reason').textContent = s.reason || '';
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
  window.DeepDashRunPanel = {attach, formatSeconds, renderNotes};
})();
