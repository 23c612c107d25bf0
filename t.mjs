import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
c.setOption({ animation: false, xAxis: { type: 'category', data: ['2015','2016'] }, yAxis: {}, series: [{ type: 'line', data: [1,2], name: 'Aalborg' }] , legend: {} });
const s = c.renderToSVGString(); console.log(s.length, (s.match(/style="/g)||[]).length, s.slice(0, 300));
