/*
 * The dashboard's charts: a sparkline per panel, the world map of failed console logins by country and the outlier
 * chart (count, expected band, outliers marked). The numbers come from the data-json attribute of #dashboard-data
 * (JSON written by the server, escaped as an attribute value, parsed here with JSON.parse). Text reaches the page
 * only through textContent, and every chart tooltip is built from echarts.format.encodeHTML'd parts.
 *
 * When everything is drawn, <body data-dashboard-ready="true"> is set and the performance marks
 * "dashboard-panels-drawn" and "dashboard-drawn" are recorded (the browser tests and the UI benchmark wait for them).
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

  function drawSparklines() {
    document.querySelectorAll('[data-spark]').forEach(function (element) {
      var values = data.series[element.getAttribute('data-spark')] || [];
      var chart = init(element);
      chart.setOption({
        animation: false,
        grid: {left: 2, right: 2, top: 6, bottom: 2},
        tooltip: {
          trigger: 'axis',
          confine: true,
          formatter: function (params) {
            var p = params[0];
            return esc(time(data.buckets[p.dataIndex])) + '<br>' + esc(p.value) + ' findings';
          }
        },
        xAxis: {type: 'category', show: false, boundaryGap: false, data: data.buckets},
        yAxis: {type: 'value', show: false, min: 0, minInterval: 1},
        series: [{
          type: 'line',
          data: values,
          symbol: 'none',
          lineStyle: {width: 1.5, color: css('--chart-line')},
          areaStyle: {color: css('--chart-area')}
        }]
      });
    });
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
    form.addEventListener('submit', function () {
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
    });
    form.querySelectorAll('[data-range]').forEach(function (link) {
      link.addEventListener('click', function () {
        var refresh = new URL(window.location.href).searchParams.get('refresh');
        if (refresh) {
          var url = new URL(link.href);
          url.searchParams.set('refresh', refresh);
          link.href = url.toString();
        }
      });
    });
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
    drawSparklines();
    drawOutliers();
    window.requestAnimationFrame(function () {
      window.performance.mark('dashboard-panels-drawn');
    });
    return drawMap();
  }

  function start() {
    var holder = document.getElementById('dashboard-data');
    if (!holder || !window.echarts) {
      return;
    }
    try {
      data = JSON.parse(holder.getAttribute('data-json'));
    } catch (e) {
      return;
    }
    if (!data.series) {
      document.body.setAttribute('data-dashboard-ready', 'true');
      return;
    }
    wireFilters();
    drawAll().then(function () {
      window.requestAnimationFrame(function () {
        window.performance.mark('dashboard-drawn');
        document.body.setAttribute('data-dashboard-ready', 'true');
      });
    }, function () {
      document.body.setAttribute('data-dashboard-ready', 'true');
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
    window.Trailwatch.onThemeChange(function () {
      drawAll();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
