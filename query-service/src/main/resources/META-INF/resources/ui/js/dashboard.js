/*
 * The dashboard's charts: a sparkline per panel (a canvas of its own), the world map of failed console logins by
 * country and the outlier chart (count, expected band, outliers marked). The numbers come from the data-json
 * attribute of #dashboard-data (JSON written by the server, escaped as an attribute value, parsed here with
 * JSON.parse). Text reaches the page only through textContent, and every chart tooltip is built from
 * echarts.format.encodeHTML'd parts.
 *
 * When everything is drawn, <body data-dashboard-ready="true"> is set and the performance marks
 * "dashboard-panels-drawn" and "dashboard-drawn" are recorded (the browser tests and the UI benchmark wait for them).
 * Filter changes, auto-refresh and back/forward update the page in place (see update()): the body's
 * data-dashboard-ready is "false" meanwhile and the "dashboard-update" measure times each, with its parts
 * "dashboard-update-fetch" (the request), "-swap" (parsing the fetched view and swapping it in) and "-draw".
 */
(function () {
  'use strict';

  var GEO_URL = '/ui/geo/countries-110m.json';
  var ISO_URL = '/ui/geo/iso-numeric-alpha2.json';

  var charts = [];
  var outlierChart = null;
  var data;
  var geoReady = null;
  var countryNames = {};

  function css(name) {
    return window.Trailwatch.cssVar(name);
  }

  function esc(value) {
    return window.echarts.format.encodeHTML(value === null || value === undefined ? '' : String(value));
  }

  function time(ms) {
    return window.Trailwatch.formatTime(new Date(ms));
  }

  /* Chart text follows the page's root font size, which grows on large screens. */
  function fontSize() {
    return Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8) || 12;
  }

  function axisStyle() {
    return {
      axisLine: {lineStyle: {color: css('--chart-grid')}},
      axisLabel: {color: css('--chart-text'), fontSize: fontSize()},
      splitLine: {lineStyle: {color: css('--chart-grid')}}
    };
  }

  function init(element) {
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    charts.push(chart);
    return chart;
  }

  /*
   * Sparklines are drawn on a plain canvas: a line and the area under it, scaled from 0 to the series' maximum, and a
   * tooltip with the bucket's time and count while the pointer is over it. Creating an ECharts instance per panel cost
   * about 5 ms each, most of a filter change's drawing time.
   */
  var SPARK_PAD = {left: 2, right: 2, top: 6, bottom: 2};
  var sparkTip = null;

  function drawSparklines() {
    var line = css('--chart-line');
    var area = css('--chart-area');
    // Every size is read before any canvas changes, so the page is laid out once, not once per sparkline.
    var sparks = Array.prototype.map.call(document.querySelectorAll('[data-spark]'), function (element) {
      return {element: element, width: element.clientWidth, height: element.clientHeight};
    });
    sparks.forEach(function (spark) {
      drawSparkline(spark, data.series[spark.element.getAttribute('data-spark')] || [], line, area);
    });
  }

  function drawSparkline(spark, values, line, area) {
    var canvas = spark.element.querySelector('canvas');
    if (!canvas) {
      canvas = document.createElement('canvas');
      spark.element.appendChild(canvas);
      canvas.addEventListener('mousemove', function (event) { showSparkTip(canvas, event); });
      canvas.addEventListener('mouseleave', hideSparkTip);
    }
    var width = spark.width;
    var height = spark.height;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    canvas.sparkValues = values;
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    if (values.length === 0) {
      return;
    }
    var max = values.reduce(function (m, v) { return Math.max(m, v); }, 1);
    var step = values.length > 1 ? (width - SPARK_PAD.left - SPARK_PAD.right) / (values.length - 1) : 0;
    var base = height - SPARK_PAD.bottom;
    var scale = (base - SPARK_PAD.top) / max;
    g.beginPath();
    values.forEach(function (value, i) {
      g.lineTo(SPARK_PAD.left + i * step, base - value * scale);
    });
    g.lineWidth = 1.5;
    g.lineJoin = 'round';
    g.strokeStyle = line;
    g.stroke();
    g.lineTo(SPARK_PAD.left + (values.length - 1) * step, base);
    g.lineTo(SPARK_PAD.left, base);
    g.closePath();
    g.fillStyle = area;
    g.fill();
  }

  function showSparkTip(canvas, event) {
    var values = canvas.sparkValues || [];
    if (values.length === 0 || !data.buckets) {
      return;
    }
    var width = canvas.clientWidth - SPARK_PAD.left - SPARK_PAD.right;
    var index = values.length > 1
      ? Math.round((event.offsetX - SPARK_PAD.left) / width * (values.length - 1)) : 0;
    index = Math.max(0, Math.min(values.length - 1, index));
    if (!sparkTip) {
      sparkTip = document.createElement('div');
      sparkTip.className = 'spark-tip';
      sparkTip.setAttribute('role', 'tooltip');
      document.body.appendChild(sparkTip);
    }
    sparkTip.textContent = time(data.buckets[index]) + '\n' + values[index] + ' findings';
    sparkTip.hidden = false;
    var left = Math.min(event.clientX + 12, window.innerWidth - sparkTip.offsetWidth - 4);
    sparkTip.style.left = Math.max(4, left) + window.scrollX + 'px';
    sparkTip.style.top = event.clientY + 12 + window.scrollY + 'px';
  }

  function hideSparkTip() {
    if (sparkTip) {
      sparkTip.hidden = true;
    }
  }

  /* TopoJSON (world-atlas) to GeoJSON: arcs are delta-encoded and quantized when the topology has a transform. */
  function topoToGeo(topology, object, codes) {
    var t = topology.transform;
    var arcs = topology.arcs.map(function (arc) {
      var x = 0;
      var y = 0;
      return arc.map(function (point) {
        if (!t) {
          return [point[0], point[1]];
        }
        x += point[0];
        y += point[1];
        return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
      });
    });
    function ring(indices) {
      var coordinates = [];
      indices.forEach(function (index) {
        var arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
        arc.forEach(function (point, k) {
          if (k > 0 || coordinates.length === 0) {
            coordinates.push(point);
          }
        });
      });
      return coordinates;
    }
    var features = [];
    topology.objects[object].geometries.forEach(function (geometry) {
      var coordinates;
      if (geometry.type === 'Polygon') {
        coordinates = geometry.arcs.map(ring);
      } else if (geometry.type === 'MultiPolygon') {
        coordinates = geometry.arcs.map(function (polygon) {
          return polygon.map(ring);
        });
      } else {
        return;
      }
      var label = geometry.properties && geometry.properties.name ? geometry.properties.name : '';
      var code = geometry.id !== undefined ? codes[geometry.id] : undefined;
      if (code) {
        countryNames[code] = label;
      }
      features.push({
        type: 'Feature',
        properties: {name: code || label},
        geometry: {type: geometry.type, coordinates: coordinates}
      });
    });
    return {type: 'FeatureCollection', features: features};
  }

  function loadWorld() {
    if (!geoReady) {
      geoReady = Promise.all([
        window.fetch(GEO_URL, {credentials: 'same-origin'}).then(function (r) { return r.json(); }),
        window.fetch(ISO_URL, {credentials: 'same-origin'}).then(function (r) { return r.json(); })
      ]).then(function (loaded) {
        window.echarts.registerMap('world', topoToGeo(loaded[0], 'countries', loaded[1]));
      });
    }
    return geoReady;
  }

  function drawMap() {
    var element = document.getElementById('failed-login-map');
    if (!element) {
      return Promise.resolve();
    }
    return loadWorld().then(function () {
      var max = data.countries.reduce(function (m, c) { return Math.max(m, c.count); }, 0);
      var chart = init(element);
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            var name = countryNames[p.name] ? countryNames[p.name] + ' (' + p.name + ')' : p.name;
            return esc(name) + ': ' + esc(isNaN(p.value) ? 0 : p.value) + ' failed logins';
          }
        },
        visualMap: {
          type: 'continuous',
          min: 0,
          max: Math.max(1, max),
          left: 8,
          bottom: 8,
          itemHeight: 80,
          calculable: false,
          inRange: {color: [css('--map-low'), css('--map-high')]},
          textStyle: {color: css('--chart-text'), fontSize: fontSize()}
        },
        series: [{
          type: 'map',
          map: 'world',
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '100%',
          selectedMode: false,
          itemStyle: {areaColor: css('--map-empty'), borderColor: css('--border'), borderWidth: 0.5},
          emphasis: {label: {show: false}, itemStyle: {areaColor: css('--accent')}},
          data: data.countries.map(function (c) { return {name: c.code, value: c.count}; })
        }]
      });
      document.querySelectorAll('#failed-login-countries .country-name[data-code]').forEach(function (cell) {
        var code = cell.getAttribute('data-code');
        if (countryNames[code]) {
          cell.textContent = countryNames[code] + ' (' + code + ')';
        }
      });
    });
  }

  function outlierOption(series) {
    var points = series ? series.points : [];
    var lower = points.map(function (p) { return [p[0], p[2] === null ? null : Math.max(0, p[2])]; });
    var band = points.map(function (p) {
      return [p[0], p[2] === null || p[3] === null ? null : p[3] - Math.max(0, p[2])];
    });
    var axes = axisStyle();
    return {
      animation: false,
      grid: {left: 8, right: 16, top: fontSize() * 2.5, bottom: 8, containLabel: true},
      legend: {top: 0, textStyle: {color: css('--chart-text'), fontSize: fontSize()}, data: ['failed logins', 'expected band', 'outlier']},
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          var index = params[0].dataIndex;
          var p = points[index];
          if (!p) {
            return '';
          }
          var lines = [esc(time(p[0])), esc(p[1]) + ' failed logins'];
          if (p[2] !== null && p[3] !== null) {
            lines.push('expected ' + esc(Math.max(0, p[2]).toFixed(1)) + ' – ' + esc(p[3].toFixed(1)));
          }
          if (p[4]) {
            lines.push('outlier');
          }
          return lines.join('<br>');
        }
      },
      xAxis: {type: 'time', axisLine: axes.axisLine, axisLabel: axes.axisLabel},
      yAxis: {type: 'value', min: 0, minInterval: 1, axisLabel: axes.axisLabel, splitLine: axes.splitLine},
      series: [
        {name: 'band-base', type: 'line', stack: 'band', data: lower, symbol: 'none', silent: true,
          lineStyle: {opacity: 0}, areaStyle: {opacity: 0}},
        {name: 'expected band', type: 'line', stack: 'band', data: band, symbol: 'none', silent: true,
          lineStyle: {opacity: 0}, areaStyle: {color: css('--chart-band')}, itemStyle: {color: css('--ok')}},
        {name: 'failed logins', type: 'line', data: points.map(function (p) { return [p[0], p[1]]; }),
          symbol: 'circle', symbolSize: 4, lineStyle: {color: css('--chart-line')}, itemStyle: {color: css('--chart-line')}},
        {name: 'outlier', type: 'scatter', symbolSize: 12, itemStyle: {color: css('--chart-outlier')},
          data: points.filter(function (p) { return p[4]; }).map(function (p) { return [p[0], p[1]]; })}
      ]
    };
  }

  function drawOutliers() {
    var element = document.getElementById('outlier-chart');
    if (!element || data.outliers.length === 0) {
      return;
    }
    outlierChart = init(element);
    var select = document.getElementById('outlier-series');
    var chosen = select && select.value !== '' ? parseInt(select.value, 10) : 0;
    outlierChart.setOption(outlierOption(data.outliers[chosen]));
    if (select && select.options.length === 0) {
      data.outliers.forEach(function (series, index) {
        var option = document.createElement('option');
        option.value = String(index);
        option.textContent = (series.group || series.seriesId) + ' (' + series.outliers + ' outliers)';
        select.appendChild(option);
      });
      select.addEventListener('change', function () {
        outlierChart.setOption(outlierOption(data.outliers[parseInt(select.value, 10)]), true);
      });
    }
  }

  /* Filter links and the filter form keep the auto-refresh choice; an untouched from/to keeps the preset. */
  function wireFilters() {
    var form = document.getElementById('dashboard-filters');
    if (!form) {
      return;
    }
    var current = form.querySelector('[data-range][aria-current]');
    form.addEventListener('submit', function (event) {
      var from = document.getElementById('filter-from');
      var to = document.getElementById('filter-to');
      if (current && from.value === from.defaultValue && to.value === to.defaultValue) {
        from.disabled = true;
        to.disabled = true;
        addHidden(form, 'range', current.getAttribute('data-range'));
      }
      var refresh = new URL(window.location.href).searchParams.get('refresh');
      if (refresh) {
        addHidden(form, 'refresh', refresh);
      }
      event.preventDefault();
      var url = new URL(form.action, window.location.href);
      url.search = new URLSearchParams(new FormData(form)).toString();
      update(url.toString(), 'push');
    });
    form.querySelectorAll('[data-range]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var refresh = new URL(window.location.href).searchParams.get('refresh');
        if (refresh) {
          var url = new URL(link.href);
          url.searchParams.set('refresh', refresh);
          link.href = url.toString();
        }
        followInPage(event, link);
      });
    });
    var reset = document.getElementById('reset-filters');
    if (reset) {
      reset.addEventListener('click', function (event) {
        followInPage(event, reset);
      });
    }
  }

  /* A plain click on a filter link updates the page in place; a click meant for a new tab or window does not. */
  function followInPage(event, link) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    update(link.href, 'push');
  }

  /*
   * A filter change, an auto-refresh or the browser's back/forward redraws the dashboard in place: the new view's
   * page is fetched, its #dashboard-view replaces the current one and the URL follows (history), so ECharts and the
   * map data are not loaded and parsed again. The fetched page is parsed by DOMParser, which runs none of its
   * scripts, and the server escaped every value in it as for a full page. Anything else than a dashboard in reply
   * (an error, the sign-in page after the session ended) is shown by navigating to the URL instead.
   * The time from the request to the redrawn panels is the "dashboard-update" performance measure.
   */
  var pending = null;

  function update(url, history) {
    if (pending) {
      pending.abort();
    }
    var request = new AbortController();
    pending = request;
    window.performance.clearMarks('dashboard-update-start');
    window.performance.mark('dashboard-update-start');
    document.body.setAttribute('data-dashboard-ready', 'false');
    window.fetch(url, {credentials: 'same-origin', headers: {Accept: 'text/html'}, signal: request.signal})
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(new Error('HTTP ' + response.status));
      })
      .then(function (html) {
        window.performance.clearMarks('dashboard-update-received');
        window.performance.mark('dashboard-update-received');
        var next = new DOMParser().parseFromString(html, 'text/html');
        var view = next.getElementById('dashboard-view');
        var shown = document.getElementById('dashboard-view');
        if (!view || !shown) {
          return Promise.reject(new Error('not a dashboard'));
        }
        pending = null;
        shown.replaceWith(document.importNode(view, true));
        copyTime(next.getElementById('last-updated'), document.getElementById('last-updated'));
        document.title = next.title;
        if (history === 'push') {
          window.history.pushState(null, '', url);
        } else if (history === 'replace') {
          window.history.replaceState(null, '', url);
        }
        window.Trailwatch.updateTimes(document.getElementById('dashboard-view'));
        window.performance.clearMarks('dashboard-update-swapped');
        window.performance.mark('dashboard-update-swapped');
        return show(function () {
          ['dashboard-update', 'dashboard-update-fetch', 'dashboard-update-swap', 'dashboard-update-draw']
            .forEach(function (name) { window.performance.clearMeasures(name); });
          window.performance.measure('dashboard-update', 'dashboard-update-start');
          window.performance.measure('dashboard-update-fetch', 'dashboard-update-start', 'dashboard-update-received');
          window.performance.measure('dashboard-update-swap', 'dashboard-update-received', 'dashboard-update-swapped');
          window.performance.measure('dashboard-update-draw', 'dashboard-update-swapped');
        });
      })
      .catch(function (error) {
        if (error.name !== 'AbortError') {
          window.location.assign(url);
        }
      });
  }

  function copyTime(from, to) {
    if (from && to) {
      to.setAttribute('datetime', from.getAttribute('datetime'));
      to.textContent = from.textContent;
      window.Trailwatch.updateTimes(to.parentNode);
    }
  }

  function addHidden(form, name, value) {
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function drawAll() {
    charts.forEach(function (chart) { chart.dispose(); });
    charts = [];
    hideSparkTip();
    drawSparklines();
    drawOutliers();
    window.requestAnimationFrame(function () {
      window.performance.mark('dashboard-panels-drawn');
    });
    return drawMap();
  }

  /* Reads the view's numbers and draws it; calls drawn() once the panels are drawn, then marks the page ready. */
  function show(drawn) {
    var holder = document.getElementById('dashboard-data');
    try {
      data = JSON.parse(holder.getAttribute('data-json'));
    } catch (e) {
      data = {};
    }
    if (!data.series) {
      document.body.setAttribute('data-dashboard-ready', 'true');
      return Promise.resolve();
    }
    wireFilters();
    var ready = function () {
      document.body.setAttribute('data-dashboard-ready', 'true');
    };
    return drawAll().then(function () {
      window.requestAnimationFrame(function () {
        drawn();
        ready();
      });
    }, ready);
  }

  function start() {
    if (!document.getElementById('dashboard-data') || !window.echarts) {
      return;
    }
    if (document.getElementById('failed-login-map')) {
      // The map data (preloaded by the page) is parsed while the panels are drawn, not after them.
      loadWorld();
    }
    show(function () {
      window.performance.mark('dashboard-drawn');
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
      drawSparklines();
    });
    window.Trailwatch.onThemeChange(function () {
      drawAll();
    });
    document.addEventListener('tw:refresh', function (event) {
      event.preventDefault();
      update(window.location.href, 'replace');
    });
    window.addEventListener('popstate', function () {
      update(window.location.href, 'none');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
