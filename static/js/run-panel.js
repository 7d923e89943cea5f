// Brings a run panel to life: follows the run's event stream and updates the progress bar,
// the two charts and the result. Works for panels in the first page load and swapped in by htmx.
(function () {
  'use strict';

  const FINAL = ['completed', 'failed', 'cancelled', 'interrupted'];

  const formatSeconds = DeepDashCharts.formatSeconds;


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
            part('result').textContent = score + ' on ' + t.samples.toLocaleString('en-US') + ' test samples · took '
                + formatSeconds(s.trainSeconds);
          }
          part('reason').textContent = s.reason || '';
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
  window.DeepDashRunPanel = {attach, formatSeconds};
})();
